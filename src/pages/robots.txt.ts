/**
 * robots.txt: every page may be crawled, and the sitemap index is named with the site's full URL. The URL is the
 * config's `site` as Astro hands it to the route, not `import.meta.env.SITE`, which a shell variable named SITE
 * would override.
 */
import type { APIRoute } from 'astro';
import { normalizeSiteUrl } from '../lib/core/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const base = normalizeSiteUrl(site?.href ?? '');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${base}/sitemap-index.xml`, ''].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
