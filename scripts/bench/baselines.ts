/**
 * The two sites `npm run bench` holds the project's build against, written into a folder from the same
 * content and built with the same installed stack:
 * - a plain Starlight site: each code a Markdown page (its rows as headings and paragraphs), Starlight's
 *   default sidebar, search and everything else as Starlight ships it;
 * - a floor: one route that renders a bare StarlightPage per code (title and the rows' text), nothing else.
 */
import '../require-node.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeEntry } from '../../src/lib/catalogue/catalogue.ts';

/** The kinds of baseline site. */
export type Baseline = 'markdown' | 'floor';

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

function astroConfig(title: string): string {
  return `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://error-codes.example.org',
  trailingSlash: 'always',
  compressHTML: true,
  integrations: [starlight({ title: ${JSON.stringify(title)} })],
});
`;
}

/** Markdown text as literal text: every character Markdown could read as markup is escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, '\\$&');
}

/** A code's rows as Markdown: a heading per row (HTTP status), then its message, description and solution. */
function codeMarkdown(entry: CodeEntry): string {
  const rows = entry.variants.map((v, i) => {
    const heading = v.statuses.length > 0 ? `HTTP ${v.statuses.join('/')}` : `Row ${i + 1}`;
    return [
      `## ${heading}`,
      `**Message:** ${escapeMarkdown(v.message.text)}`,
      `**Description:** ${escapeMarkdown(v.description.text)}`,
      `**Solution:** ${escapeMarkdown(v.solution.text)}`,
    ].join('\n\n');
  });
  return `---\ntitle: ${JSON.stringify(entry.code)}\ndescription: ${JSON.stringify(entry.variants[0]?.message.text ?? entry.code)}\n---\n\n${rows.join('\n\n')}\n`;
}

const FLOOR_ROUTE = `---
import StarlightPage from '@astrojs/starlight/components/StarlightPage.astro';
import codes from '../../codes.json';
export function getStaticPaths() {
  return codes.map((c) => ({ params: { service: c.service, code: c.slug }, props: c }));
}
const { code, rows } = Astro.props;
---
<StarlightPage frontmatter={{ title: code }}>{rows.map((text) => <p>{text}</p>)}</StarlightPage>
`;

function versionOf(dir: string, name: string): string {
  return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Writes a baseline site for these codes into an empty project folder (node_modules is the caller's). */
export function writeBaselineSite(dir: string, kind: Baseline, entries: readonly CodeEntry[]): void {
  // Astro finds the packages to bundle for rendering (Starlight) from package.json's dependencies.
  const dependencies = { astro: versionOf(dir, 'astro'), '@astrojs/starlight': versionOf(dir, '@astrojs/starlight') };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `bench-${kind}`, private: true, type: 'module', dependencies }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    astroConfig(kind === 'markdown' ? 'Plain Starlight' : 'StarlightPage floor'),
  );
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(dir, 'src/content/docs/index.md'), '---\ntitle: Error codes\n---\n\nOne page per error code.\n');
  if (kind === 'markdown') {
    for (const entry of entries) {
      mkdirSync(join(dir, 'src/content/docs', entry.service), { recursive: true });
      writeFileSync(join(dir, 'src/content/docs', entry.service, `${entry.slug}.md`), codeMarkdown(entry));
    }
    return;
  }
  const codes = entries.map((e) => ({
    service: e.service,
    slug: e.slug,
    code: e.code,
    rows: e.variants.flatMap((v) => [v.message.text, v.description.text, v.solution.text]),
  }));
  writeFileSync(join(dir, 'src/codes.json'), JSON.stringify(codes));
  mkdirSync(join(dir, 'src/pages/[service]'), { recursive: true });
  writeFileSync(join(dir, 'src/pages/[service]/[code].astro'), FLOOR_ROUTE);
}
