// @ts-check
import './scripts/require-node.mjs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { siteContentPolicy } from './src/integrations/content-policy.ts';
import { errorCodeSite } from './src/integrations/site.ts';
import { listServices } from './src/lib/assembly/load-site.ts';
import { SITE_URL } from './src/lib/core/urls.ts';
import { describeServices, SITE_TITLE } from './src/lib/pages/site-data.ts';
import { buildSiteSidebar } from './src/lib/pages/sidebar.ts';

/** Services are the content folders that hold an error table; the sidebar of pages outside a service names them. */
const services = listServices('content');

export default defineConfig({
  // The one definition of the site's address is in src/lib/core/urls.ts (explain and the tests use it too).
  site: SITE_URL,
  trailingSlash: 'always',
  // Astro 7 defaults to 'jsx', which drops whitespace between inline elements; Pagefind would then merge the
  // words on either side (`<code>a</code> <var>b</var>` indexed as `ab`). `true` keeps Astro 5's output.
  compressHTML: true,
  // Four pages rendered at a time: a page's render waits on file writes and Starlight's async frontmatter check,
  // and overlapping them takes 10-15 % off the rendering of 7,600 pages (docs/scale.md).
  build: { concurrency: 4 },
  // A Content-Security-Policy <meta> on every page: Astro hashes the scripts and styles it bundles, the site adds
  // Starlight's inline scripts and style attributes (src/integrations/content-policy.ts). The build also writes
  // it as a header into dist/_headers for hosts that read one (README, "Security").
  security: { csp: await siteContentPolicy() },
  // No page has a Markdown code block, and Shiki's inline styles would need 'unsafe-inline' (Astro warns of it).
  markdown: { syntaxHighlight: false },
  // Browser code in three chunks rather than one per combination of importers: the code identity (index
  // tables use it too), the search dialog with what every search needs, and the lookup (matcher, shards,
  // typo and fallback queries), which the dialog loads only when a query needs it. Each file a browser
  // fetches costs its headers; without these groups the home page fetched five more (docs/quality.md).
  vite: {
    build: {
      // Every script a file of its own, never inline: a browser fetches each once for the whole site instead of
      // with every page (3.5 KB a page, 26 MB of the whole cloud's 7,600 pages; docs/scale.md).
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'code-identity',
                priority: 3,
                test: /src[\\/]lib[\\/]core[\\/](code-identity|message-identity)\.ts$/,
              },
              {
                name: 'search',
                priority: 2,
                test: /src[\\/](client[\\/](search-dialog|lookup-manifest|fetch-once)|lib[\\/]search[\\/]search-query|lib[\\/]lookup[\\/](lookup-data|input-fields|fold|word-filter))\.ts$/,
              },
              {
                name: 'lookup',
                priority: 1,
                test: /src[\\/](client[\\/](lookup|lookup-loader)|lib[\\/]lookup[\\/][\w-]+|lib[\\/]search[\\/]more-queries)\.ts$/,
              },
            ],
          },
        },
      },
    },
  },
  integrations: [
    // Reads the content once and stops on its problems; once the pages are built, runs Pagefind and writes the data
    // files and _redirects. For a host that serves no 404.html for unknown paths, `errorCodeSite({ redirectPages:
    // true })` also writes a redirect page per spelling of a code URL (README, "Deploying").
    errorCodeSite(),
    starlight({
      title: SITE_TITLE,
      description: `Every error code of ${describeServices(services)}: message, cause and fix, one page per code.`,
      lastUpdated: false,
      pagination: true,
      sidebar: buildSiteSidebar(services),
      customCss: ['./src/styles/site.css'],
      components: {
        Search: './src/components/Search.astro',
        Head: './src/components/Head.astro',
        LanguageSelect: './src/components/LanguageSelect.astro',
      },
      disable404Route: true,
      // Pages under /<service>/ get their service's sidebar, made once per service (src/route-middleware.ts).
      routeMiddleware: './src/route-middleware.ts',
      // The site's own integration runs Pagefind (src/integrations/site.ts), with index options.
      pagefind: false,
      // No page has a Markdown code block (cells' literal blocks are the site's own <pre>): no Expressive Code.
      expressiveCode: false,
    }),
  ],
});
