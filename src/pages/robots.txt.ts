/** robots.txt: every page may be crawled, and the sitemap index is named with the site's full URL. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => {
  const site = (import.meta.env.SITE ?? '').replace(/\/+$/, '');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${site}/sitemap-index.xml`, ''].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
