import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findForbiddenChains,
  findImports,
  forbidNodeOnly,
  scriptBlocks,
  type ReadFile,
} from '../support/import-graph.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Packages of package.json that run only in Node: the build's tools, the test tools, Pagefind's indexer. */
const NODE_ONLY_PACKAGES = [
  'astro',
  '@astrojs/starlight',
  'pagefind',
  'playwright-core',
  'tsx',
  'typescript',
  'vite',
  'vitest',
  'node',
  '@modelcontextprotocol/sdk',
];

const forbid = forbidNodeOnly(NODE_ONLY_PACKAGES);

/** A project file by its path from the repository root, or undefined when there is no such file. */
const readProjectFile: ReadFile = (path) => {
  const full = join(ROOT, path);
  try {
    return statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** Files under a folder of the project whose names end in `ending`, as `/`-separated paths from the root. */
function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) =>
      relative(ROOT, join(ROOT, folder, name))
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Every browser entry: the modules of src/client/, and the components and pages that have a `<script>` block. */
function browserEntries(): string[] {
  const astro = [...filesUnder('src/components', '.astro'), ...filesUnder('src/pages', '.astro')];
  return [
    ...filesUnder('src/client', '.ts'),
    ...astro.filter((path) => scriptBlocks(readProjectFile(path)!).trim() !== ''),
  ];
}

describe('browser code', () => {
  it('has the entries the site ships: every client module and each component or page with a script block', () => {
    expect(browserEntries()).toEqual([
      'src/client/answer.ts',
      'src/client/fetch-once.ts',
      'src/client/lookup-loader.ts',
      'src/client/lookup-manifest.ts',
      'src/client/lookup.ts',
      'src/client/not-found.ts',
      'src/client/paste-box.ts',
      'src/client/search-dialog.ts',
      'src/components/CodeTable.astro',
      'src/components/CopyButton.astro',
      'src/components/FilledValues.astro',
      'src/components/PasteBox.astro',
      'src/components/Search.astro',
      'src/components/ServiceList.astro',
      'src/components/ThemeProvider.astro',
      'src/components/ThemeSelect.astro',
      'src/pages/404.astro',
      'src/pages/lookup/index.astro',
    ]);
  });

  it('imports nothing Node-only, through any chain of relative imports', () => {
    expect(findForbiddenChains(browserEntries(), readProjectFile, forbid)).toEqual([]);
  });
});

describe('the import walker', () => {
  /** A small project in memory. */
  const files: Record<string, string> = {
    'src/client/page.ts': "import { a } from '../lib/pages/a';\nimport type { Loaded } from '../lib/content/load';\n",
    'src/lib/pages/a.ts': "export { b } from './b';\nexport const a = 1;\n",
    'src/lib/pages/b.ts':
      "import { readFileSync } from 'node:fs';\nexport const b = () => import('../content/load');\n",
    'src/lib/content/load.ts': "import { join } from 'path';\nexport type Loaded = string;\n",
    'src/components/Box.astro':
      "---\nimport { loadServices } from '../lib/content/load';\n---\n<script>\n  import { a } from '../lib/pages/a';\n  import 'playwright-core';\n  import './missing';\n</script>\n",
  };
  const read: ReadFile = (path) => files[path];

  it('finds static, re-exported and dynamic imports, and leaves type-only imports out', () => {
    expect(findImports(files['src/client/page.ts'])).toEqual(['../lib/pages/a']);
    expect(findImports(files['src/lib/pages/a.ts'])).toEqual(['./b']);
    expect(findImports(files['src/lib/pages/b.ts'])).toEqual(['node:fs', '../content/load']);
  });

  it('names every chain that reaches a Node built-in or a Node-only stage', () => {
    expect(findForbiddenChains(['src/client/page.ts'], read, forbid)).toEqual([
      'src/client/page.ts -> src/lib/pages/a.ts -> src/lib/pages/b.ts -> node:fs: a Node built-in',
      'src/client/page.ts -> src/lib/pages/a.ts -> src/lib/pages/b.ts -> src/lib/content/load.ts: a Node-only stage of src/lib',
    ]);
  });

  it('reads only the script blocks of an .astro file, and names Node-only packages and missing files', () => {
    expect(findForbiddenChains(['src/components/Box.astro'], read, forbid)).toEqual([
      'src/components/Box.astro -> src/lib/pages/a.ts -> src/lib/pages/b.ts -> node:fs: a Node built-in',
      'src/components/Box.astro -> src/lib/pages/a.ts -> src/lib/pages/b.ts -> src/lib/content/load.ts: a Node-only stage of src/lib',
      'src/components/Box.astro -> playwright-core: a package that runs only in Node',
      'src/components/Box.astro -> ./missing: no such file',
    ]);
  });

  it('lets a browser-safe package and a bare Node built-in name through only when allowed', () => {
    expect(forbid('unified', false)).toBeUndefined();
    expect(forbid('path', false)).toBe('a Node built-in');
    expect(forbid('@astrojs/starlight/components', false)).toBe('a package that runs only in Node');
    expect(forbid('src/lib/import/git.ts', true)).toBe('a Node-only stage of src/lib');
    expect(forbid('src/lib/core/urls.ts', true)).toBeUndefined();
  });
});
