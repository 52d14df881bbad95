import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildServiceExport, serializeExport } from '../../lib/export';

export async function getStaticPaths() {
  const codes = (await getCollection('codes')).map((c) => c.data.entry);
  return (await getCollection('services')).map(({ data: service }) => ({
    params: { service: service.id },
    props: { service, entries: codes.filter((e) => e.service === service.id) },
  }));
}

/** Every code of a service as one JSON document (described by /schemas/errors.schema.json). */
export const GET: APIRoute = ({ props }) =>
  new Response(serializeExport(buildServiceExport(props.service, props.entries, props.service.categories, import.meta.env.SITE)), {
    headers: { 'Content-Type': 'application/json' },
  });
