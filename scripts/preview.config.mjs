// @ts-check
/**
 * The Astro config `npm start` and `npm run preview` serve dist/ with (`scripts/serve.ts`): the site's own, except
 * that a path without its trailing slash is not refused. With the site's `trailingSlash: 'always'`, `astro preview`
 * answers `/ecs/ecs0010` or `/ECS-1000` with its own "Not Found" page instead of the site's 404.html, which a host
 * serves there and which resolves such a spelling of a code. Under 'ignore' every unknown path gets 404.html (with
 * status 404), as on GitHub Pages, Netlify or Cloudflare Pages, and `/ecs/ecs-0010` the page of `/ecs/ecs-0010/`.
 */
import config from '../astro.config.mjs';

export default { ...config, trailingSlash: /** @type {const} */ ('ignore') };
