import type { APIRoute } from 'astro';
import { getCodePages, getServices } from '../_collections';
import { indexCategories } from '../../lib/categories';
import { buildCodeExport, serializeExport } from '../../lib/export';

export async function getStaticPaths() {
  const services = new Map((await getServices()).map((data) => [data.id, data]));
  // Index each service's categories once: looking them up per code would cost codes x categories.
  const listedIn = new Map([...services.values()].map((s) => [s.id, indexCategories(s.categories)]));
  return (await getCodePages()).map((data) => ({
    params: { service: data.entry.service, code: data.entry.slug },
    props: {
      entry: data.entry,
      history: data.history,
      service: services.get(data.entry.service)!,
      categories: listedIn.get(data.entry.service)?.get(data.entry.code) ?? [],
    },
  }));
}

/** One code as a JSON document (described by /schemas/error-code.schema.json). */
export const GET: APIRoute = ({ props }) =>
  new Response(serializeExport(buildCodeExport(props.service, props.entry, props.categories, import.meta.env.SITE, props.history)), {
    headers: { 'Content-Type': 'application/json' },
  });
