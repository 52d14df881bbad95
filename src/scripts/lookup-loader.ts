import { buildLookupIndex, findDirectHits, type DirectHit, type LookupIndex } from '../lib/lookup/direct-hits';
import { groupRecords, manifestShapes, needsWordShards, shardsForInput, type LookupRecord } from '../lib/lookup/lookup-data';
import { codeShardPath, wordShardPath } from '../lib/core/urls';
import { loadManifest } from './lookup-manifest';

type Shards = ReturnType<typeof shardsForInput>;

const shards = new Map<string, Promise<LookupRecord[]>>();
let built: { key: string; index: LookupIndex } | undefined;

function loadShard(url: string): Promise<LookupRecord[]> {
  let shard = shards.get(url);
  if (!shard) {
    shard = fetch(url).then((r) => (r.ok ? (r.json() as Promise<LookupRecord[]>) : []), () => []);
    shards.set(url, shard);
  }
  return shard;
}

/**
 * A lookup index with every record an input could match: the code shards of the codes it names; when
 * none of those codes exists, the word shards of its words. Shards are fetched once and kept.
 */
export async function loadIndexFor(input: string, code?: string): Promise<LookupIndex> {
  return indexFor(input, shardsForInput(input, await loadManifest(), code), code);
}

/** The lookup index of the shards an input needs (`shardsForInput`), built from the shards fetched for it. */
async function indexFor(input: string, needed: Shards, code?: string): Promise<LookupIndex> {
  const m = await loadManifest();
  const urls = needed.codes.map(codeShardPath);
  const codeRecords = (await Promise.all(urls.map(loadShard))).flat();
  const shapes = manifestShapes(m);
  if (needsWordShards(input, m, codeRecords, code)) {
    const wordUrls = needed.words.map(wordShardPath);
    urls.push(...wordUrls);
    await Promise.all(wordUrls.map(loadShard));
  }
  const key = [...new Set(urls)].sort().join(' ');
  if (built?.key !== key) {
    const records = (await Promise.all([...new Set(urls)].map(loadShard))).flat();
    built = { key, index: buildLookupIndex(groupRecords(records, m.services), shapes) };
  }
  return built.index;
}

/** The codes an input names or whose message it is (the search dialog's direct hits), from the shards it needs. */
export async function findHits(input: string, needed: Shards): Promise<DirectHit[]> {
  return findDirectHits(input, await indexFor(input, needed));
}
