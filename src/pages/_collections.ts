import { getCollection } from 'astro:content';

// Astro 7 keeps a collection sorted by entry id, not in the order the loader stored it: these restore the
// order of the tables (services by folder, codes as the tables list them), which every list on the site uses.

/** Every service, in folder order. */
export async function getServices() {
  return (await getCollection('services')).map((e) => e.data).sort((a, b) => a.order - b.order);
}

/** Every stored code page of every service, in table order. */
export async function getCodePages() {
  return (await getCollection('codes')).map((e) => e.data).sort((a, b) => a.order - b.order);
}
