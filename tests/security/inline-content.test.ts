import { describe, expect, it } from 'vitest';
import { hashSource } from '../../src/lib/security/content-policy.ts';
import {
  auditPage,
  keepMetaPolicyHashes,
  lineAndColumn,
  listInlineContent,
  readInlineScripts,
  readMetaPolicy,
} from '../../src/lib/security/inline-content.ts';

const PAGE = `<!doctype html>
<html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-Zo=' ; style-src-attr 'unsafe-hashes'">
<script>window.theme = 'dark';</script>
<script type="module" src="/_astro/page.js"></script>
<script type="application/ld+json">{"@type": "WebSite"}</script>
<!-- <script>commented out</script> -->
<style>body { color: red; }</style>
</head><body>
<svg style="--sl-icon-size: 1em;" viewBox="0 0 24 24"></svg>
<a href="/x/" title="a > b" style='--depth: 0;' onclick="go()">x</a>
<p data-text="<script>not a tag</script>">5 &lt; 6 and style="not an attribute"</p>
<span style="content: &quot;&#39;&quot;"></span>
<script type="module">import '/a.js'; if (1 < 2) document.title = '</scrip';</script>
</body></html>`;

describe('listing the inline content of a page', () => {
  const found = listInlineContent(PAGE);

  it('finds inline scripts that run, and skips external scripts, data blocks and comments', () => {
    expect(found.filter((c) => c.kind === 'script').map((c) => c.text)).toEqual([
      "window.theme = 'dark';",
      "import '/a.js'; if (1 < 2) document.title = '</scrip';",
    ]);
  });

  it('finds style elements, style attributes with their character references decoded, and event handlers', () => {
    expect(found.filter((c) => c.kind === 'style').map((c) => c.text)).toEqual(['body { color: red; }']);
    expect(found.filter((c) => c.kind === 'style-attribute').map((c) => c.text)).toEqual([
      '--sl-icon-size: 1em;',
      '--depth: 0;',
      `content: "'"`,
    ]);
    expect(found.filter((c) => c.kind === 'event-handler').map((c) => c.text)).toEqual(['go()']);
  });

  it("never reads text or another attribute's value as markup", () => {
    expect(found.map((c) => c.text)).not.toContain('not a tag');
    expect(found.map((c) => c.text)).not.toContain('not an attribute');
  });

  it('gives the offset of the element each piece belongs to', () => {
    const svg = found.find((c) => c.kind === 'style-attribute');
    expect(PAGE.slice(svg?.offset, (svg?.offset ?? 0) + 4)).toBe('<svg');
  });
});

describe("reading a page's policy", () => {
  it('reads the content of its content-security-policy <meta>', () => {
    expect(readMetaPolicy(PAGE)).toBe("script-src 'self' 'sha256-Zo=' ; style-src-attr 'unsafe-hashes'");
    expect(readMetaPolicy('<meta charset="utf-8"><title>x</title>')).toBeUndefined();
  });
});

describe("cutting a page's policy to the hashes it needs", () => {
  it('drops the hash sources not kept and leaves every other byte of the page as it was', () => {
    const page = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-kept=' 'sha256-file=' 'wasm-unsafe-eval'; style-src 'self' 'sha256-css=' 'sha256-attr='"><title>x</title></head><body><p>'sha256-file='</p></body>`;
    expect(keepMetaPolicyHashes(page, new Set(['sha256-kept=', 'sha256-attr=']))).toBe(
      `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-kept=' 'wasm-unsafe-eval'; style-src 'self' 'sha256-attr='"><title>x</title></head><body><p>'sha256-file='</p></body>`,
    );
  });

  it('leaves a page without a policy <meta> as it was', () => {
    const page = '<meta charset="utf-8"><meta name="description" content="sha256-x">';
    expect(keepMetaPolicyHashes(page, new Set())).toBe(page);
  });
});

describe("reading an Astro component's inline scripts", () => {
  it('gives the bodies of <script is:inline> byte for byte, and nothing of bundled scripts', () => {
    const source = `---\nconst a = 1;\n---\n<script is:inline>\n\twindow.a = 1;\n</script>\n<script>import './b';</script>\n<script is:inline aria-hidden="true">b()</script>`;
    expect(readInlineScripts(source)).toEqual(['\n\twindow.a = 1;\n', 'b()']);
  });
});

describe('checking a page against its own policy', () => {
  it('names each piece the policy blocks, with its hash and how to fix it', async () => {
    const script = "window.theme = 'dark';";
    const page = PAGE.replace("'sha256-Zo='", `'${await hashSource(script)}'`);
    const audit = await auditPage(page);
    expect(audit.policy).toContain('script-src');
    expect(audit.hashes).toContain(await hashSource(script));
    const messages = audit.problems.map((p) => p.message);
    expect(messages).toHaveLength(5);
    expect(messages).toContain(
      `inline script "import '/a.js'; if (1 < 2) document.title = '</scrip';" (${await hashSource(
        "import '/a.js'; if (1 < 2) document.title = '</scrip';",
      )}) is blocked by the page's Content-Security-Policy: move it into a bundled <script> or stylesheet, or add ` +
        'its hash to the policy (src/integrations/content-policy.ts)',
    );
    expect(messages).toContain(
      `style attribute "--depth: 0;" (${await hashSource('--depth: 0;')}) is blocked by the page's ` +
        'Content-Security-Policy: add it to STYLE_ATTRIBUTES in src/lib/security/content-policy.ts, or style it from CSS',
    );
    expect(messages.filter((m) => m.startsWith('event-handler attribute "go()"'))).toHaveLength(1);
  });

  it('finds nothing to report on a page without inline content', async () => {
    expect(await auditPage('<p>plain</p>')).toEqual({ policy: undefined, hashes: [], problems: [] });
  });

  it('locates an offset as line and column', () => {
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
