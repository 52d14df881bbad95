import type { APIRoute } from 'astro';
import { getCodePages, getServices } from '../_collections';
import { buildServiceExport, serializeExport } from '../../lib/export';

export async function getStaticPaths() {
  const pages = await getCodePages();
  return (await getServices()).map((service) => ({
    params: { service: service.id },
    props: { service, pages: pages.filter((p) => p.entry.service === service.id) },
  }));
}

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

/** Every code of a service as one JSON document (described by /schemas/errors.schema.json). */
export const GET: APIRoute = ({ props }) => {
  const { service, pages } = props as Props;
  const history = service.history && {
    dates: service.history.dates,
    changes: service.history.changes,
    codes: new Map(pages.flatMap((p) => (p.history ? [[p.entry.code, p.history] as const] : []))),
  };
  const document = buildServiceExport(service, pages.map((p) => p.entry), service.categories, import.meta.env.SITE, history);
  return new Response(serializeExport(document), { headers: { 'Content-Type': 'application/json' } });
};
