/**
 * The site's title, its one definition: Starlight's `title` (astro.config.mjs), and the name the feeds and the
 * OpenSearch description give the site, and the heading of /llms.txt.
 */
export const SITE_TITLE = 'Cloud API Error Codes';
