import type { LookupManifest } from '../lib/lookup/lookup-data.ts';
import { LOOKUP_MANIFEST_PATH } from '../lib/core/urls.ts';
import { fetchOnce } from './fetch-once.ts';

/** The lookup manifest: services, shard counts and code shapes (fetched once, about half a KB). */
export function loadManifest(): Promise<LookupManifest> {
  return fetchOnce(LOOKUP_MANIFEST_PATH, (json) => json as LookupManifest);
}
