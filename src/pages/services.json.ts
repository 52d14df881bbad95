import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/** The list of services, so the browser knows which lookup data to load. */
export const GET: APIRoute = async () => {
  const services = (await getCollection('services')).map(({ data }) => ({
    id: data.id,
    name: data.name,
    short: data.short,
    codes: data.codes,
    lookup: `/${data.id}/lookup.json`,
  }));
  return new Response(JSON.stringify({ services }), { headers: { 'Content-Type': 'application/json' } });
};
