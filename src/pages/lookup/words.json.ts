import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildVocabulary } from '../../lib/search-data';
import { json } from './_shards';

/** `/lookup/words.json`: the words of the code pages, to correct a query's typos (loaded only when it finds too little). */
export const GET: APIRoute = async () => json(buildVocabulary([{ entries: (await getCollection('codes')).map((c) => c.data.entry) }]));
