import { defineMiddleware } from 'astro:middleware';
import { siteHashes } from './integrations/content-policy.ts';
import { keepMetaPolicyHashes } from './lib/security/inline-content.ts';

let kept: Promise<Set<string>> | undefined;

/**
 * Each page's Content-Security-Policy `<meta>` keeps only the hashes the site's policy names (siteHashes): Astro's
 * hashes of its own script and style files allow nothing. The build then checks every page against the policy it
 * carries (src/integrations/content-policy.ts), so a page whose inline content lost its hash stops the build.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  kept ??= siteHashes();
  return new Response(keepMetaPolicyHashes(await response.text(), await kept), response);
});
