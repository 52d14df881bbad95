import type { LookupManifest } from '../lib/lookup/lookup-data';
import { LOOKUP_MANIFEST_PATH } from '../lib/core/urls';

let manifest: Promise<LookupManifest> | undefined;

/** The lookup manifest: services, shard counts and code shapes (fetched once, about half a KB). */
export function loadManifest(): Promise<LookupManifest> {
  manifest ??= fetch(LOOKUP_MANIFEST_PATH).then((r) => r.json() as Promise<LookupManifest>);
  return manifest;
}
