import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildCodeExport, serializeExport } from '../../lib/export';

export async function getStaticPaths() {
  const services = new Map((await getCollection('services')).map(({ data }) => [data.id, data]));
  return (await getCollection('codes')).map(({ data }) => ({
    params: { service: data.entry.service, code: data.entry.slug },
    props: { entry: data.entry, history: data.history, service: services.get(data.entry.service)! },
  }));
}

/** One code as a JSON document (described by /schemas/error-code.schema.json). */
export const GET: APIRoute = ({ props }) =>
  new Response(serializeExport(buildCodeExport(props.service, props.entry, props.service.categories, import.meta.env.SITE, props.history)), {
    headers: { 'Content-Type': 'application/json' },
  });
