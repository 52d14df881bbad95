import { getCodePages, getServices } from '../_collections';
import { buildLookupData, buildLookupShards } from '../../lib/lookup-data';

let shards: ReturnType<typeof computeShards> | undefined;

/** The lookup shards of every service, computed once per build from the content collections. */
export function loadShards() {
  shards ??= computeShards();
  return shards;
}

async function computeShards() {
  const pages = await getCodePages();
  const services = (await getServices()).map((data) => {
    const own = pages.filter((p) => p.entry.service === data.id);
    return buildLookupData(data, own.map((p) => p.entry), new Map(own.map((p) => [p.entry.code, p.history?.earlier ?? []])));
  });
  return buildLookupShards(services);
}

/** A JSON response. */
export function json(data: unknown): Response {
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
}
