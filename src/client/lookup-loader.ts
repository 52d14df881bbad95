import { buildLookupIndex, type LookupIndex } from '../lib/lookup/direct-hits.ts';
import { resolveLookup, type LookupOutcome } from '../lib/lookup/resolve.ts';
import {
  decodeLookupRecord,
  groupRecords,
  manifestShapes,
  needsWordShards,
  shardsForInput,
  type EncodedLookupRecord,
  type LookupRecord,
} from '../lib/lookup/lookup-data.ts';
import { codeShardPath, LOOKUP_SERVICES_PATH, wordShardPath } from '../lib/core/urls.ts';
import type { ServiceClues } from '../lib/lookup/service-evidence.ts';
import { fetchOnce } from './fetch-once.ts';
import { loadManifest } from './lookup-manifest.ts';

type Shards = ReturnType<typeof shardsForInput>;

let built: { key: string; index: LookupIndex } | undefined;

/** Every service's clues (a few KB), fetched with the first lookup that loads shards. */
function loadClues(): Promise<ServiceClues[]> {
  return fetchOnce(LOOKUP_SERVICES_PATH, (json) => json as ServiceClues[], []);
}

/** A shard's records, decoded once. */
function loadShard(url: string): Promise<LookupRecord[]> {
  return fetchOnce(url, (json) => (json as EncodedLookupRecord[]).map(decodeLookupRecord), []);
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
  // One service needs no clues to tell it from others.
  const [codeRecords, services] = await Promise.all([
    Promise.all(urls.map(loadShard)).then((s) => s.flat()),
    m.services.length > 1 ? loadClues() : [],
  ]);
  const shapes = manifestShapes(m);
  if (needsWordShards(input, m, codeRecords, code)) {
    const wordUrls = needed.words.map(wordShardPath);
    urls.push(...wordUrls);
    await Promise.all(wordUrls.map(loadShard));
  }
  const key = [...new Set(urls)].sort().join(' ');
  if (built?.key !== key) {
    const records = (await Promise.all([...new Set(urls)].map(loadShard))).flat();
    built = { key, index: buildLookupIndex(groupRecords(records, m.services), shapes, services) };
  }
  return built.index;
}

/** What the lookup answers for a search (the dialog's direct answer), from the shards it needs (`shardsForInput`). */
export async function resolveSearch(input: string, needed: Shards): Promise<LookupOutcome> {
  return resolveLookup({ q: input }, await indexFor(input, needed));
}

/**
 * The lookup index of a code's shard alone, for the 404 page: enough to send a spelling of a known code to its
 * page or to the chooser, and to name the nearest codes of an unknown one. No word shard and no services' clues
 * (a path is only a code, with nothing to tell services apart), so the page waits for one file after the manifest.
 */
export async function loadCodeIndex(code: string): Promise<LookupIndex> {
  const m = await loadManifest();
  const records = await Promise.all(shardsForInput(code, m, code).codes.map((key) => loadShard(codeShardPath(key))));
  return buildLookupIndex(groupRecords(records.flat(), m.services), manifestShapes(m));
}
