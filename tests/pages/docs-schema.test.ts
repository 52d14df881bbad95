import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOnceForStarlightPages, STARLIGHT_PAGE_IMAGE_HELPER } from '../../src/lib/pages/docs-schema.ts';

/** A schema function that returns a new object per call and counts its calls, as docsSchema()'s does. */
function countingSchema() {
  const calls: unknown[] = [];
  const schema = (context: { image: unknown }) => {
    calls.push(context.image);
    return { built: calls.length };
  };
  return { schema, calls };
}

/** A new helper of the text <StarlightPage>'s has, as each page makes one. */
const starlightPageHelper = () => () => 'Invalid image passed to `<StarlightPage>` component.';

describe('buildOnceForStarlightPages', () => {
  it('builds the schema <StarlightPage> asks for once, whatever page asks', () => {
    const { schema, calls } = countingSchema();
    const once = buildOnceForStarlightPages(schema);
    const first = once({ image: starlightPageHelper() });
    expect(once({ image: starlightPageHelper() })).toBe(first);
    expect(once({ image: starlightPageHelper() })).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('builds it anew for each entry of the content layer, whose image helper is bound to the entry’s file', () => {
    const { schema, calls } = countingSchema();
    const once = buildOnceForStarlightPages(schema);
    const entryHelper = (file: string) => () => `resolve images relative to ${file}`;
    expect(once({ image: entryHelper('a.md') })).toEqual({ built: 1 });
    expect(once({ image: entryHelper('b.md') })).toEqual({ built: 2 });
    expect(calls).toHaveLength(2);
  });

  it('recognises the helper of the installed Starlight (an upgrade that rewords it shows here)', () => {
    const require = createRequire(import.meta.url);
    const components = dirname(require.resolve('@astrojs/starlight/components/StarlightPage.astro'));
    const source = readFileSync(join(components, '../utils/starlight-page.js'), 'utf8');
    const helper = /image: \(\(\) => (z\.custom\([\s\S]*?\))\)/.exec(source)?.[1];
    expect(helper).toContain(STARLIGHT_PAGE_IMAGE_HELPER);
  });
});
