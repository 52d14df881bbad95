import { getCollection } from 'astro:content';
import { buildLookupData, buildLookupShards } from '../../lib/lookup-data';

let shards: ReturnType<typeof computeShards> | undefined;

/** The lookup shards of every service, computed once per build from the content collections. */
export function loadShards() {
  shards ??= computeShards();
  return shards;
}

async function computeShards() {
  const entries = (await getCollection('codes')).map((c) => c.data.entry);
  const services = (await getCollection('services')).map(({ data }) =>
    buildLookupData(data, entries.filter((e) => e.service === data.id)),
  );
  return buildLookupShards(services);
}

/** A JSON response. */
export function json(data: unknown): Response {
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
}
