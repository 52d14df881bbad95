import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { mergeSynonyms } from '../../lib/search-data';
import { json } from './_shards';

/** `/lookup/synonyms.json`: the synonym groups the search dialog tries a query's words with. */
export const GET: APIRoute = async () => json(mergeSynonyms((await getCollection('services')).map(({ data }) => data)));
