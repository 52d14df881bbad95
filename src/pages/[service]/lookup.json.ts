import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildLookupData } from '../../lib/lookup-data';

export async function getStaticPaths() {
  const codes = (await getCollection('codes')).map((c) => c.data.entry);
  return (await getCollection('services')).map(({ data: service }) => ({
    params: { service: service.id },
    props: { service, entries: codes.filter((e) => e.service === service.id) },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(buildLookupData(props.service, props.entries)), {
    headers: { 'Content-Type': 'application/json' },
  });
