import type { LookupManifest } from '../lib/lookup/lookup-data';

let manifest: Promise<LookupManifest> | undefined;

/** The lookup manifest: services, shard counts and code shapes (fetched once, about half a KB). */
export function loadManifest(): Promise<LookupManifest> {
  manifest ??= fetch('/lookup/manifest.json').then((r) => r.json() as Promise<LookupManifest>);
  return manifest;
}
