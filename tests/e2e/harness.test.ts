import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium } from '../../scripts/ensure-chromium.ts';
import { collectPageErrors, takePolicyViolations } from '../../scripts/harness/browser.ts';
import { DIST_DIR, readBuiltFile, useBuiltSite } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';

describe('the built site, served like a static host', () => {
  const site = useBuiltSite();

  test('the home page is served with status 200, as HTML, with a title', async () => {
    const response = await fetch(site.url('/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toMatch(/<title>[^<]+<\/title>/);
  });

  test('an unknown path gets status 404', async () => {
    const response = await fetch(site.url('/no-such-page-anywhere/'));
    expect(response.status).toBe(404);
  });

  test('a directory asked for without its slash redirects to the slashed path', async () => {
    const dir = readdirSync(DIST_DIR, { withFileTypes: true }).find(
      (entry) => entry.isDirectory() && existsSync(join(DIST_DIR, entry.name, 'index.html')),
    );
    if (!dir) throw new Error('dist/ has no directory with an index.html to test the redirect with');
    const response = await fetch(site.url(`/${dir.name}`), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/${dir.name}/`);
  });

  test('Chromium opens the home page without any console error, page error or dialog', async () => {
    const page = await site.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(site.url('/'), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).not.toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Chromium refuses what the site's policy does not allow, and the harness names the page and what it blocked", async () => {
    const page = await site.newPage();
    const response = await page.goto(site.url('/ecs/ecs-0010/'), { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      const styled = document.createElement('b');
      styled.setAttribute('style', 'color: red');
      document.body.append(script, styled);
    });
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    const seen: string[] = [];
    await expect
      .poll(() => {
        seen.push(...takePolicyViolations());
        return seen.length;
      })
      .toBe(2);
    expect(seen.sort()).toEqual([
      expect.stringMatching(
        /^\/ecs\/ecs-0010\/: script-src-elem blocked inline <script>window\.injected = true<\/script> at \d+:\d+$/,
      ),
      expect.stringMatching(
        /^\/ecs\/ecs-0010\/: style-src-attr blocked inline <b style="color: red"><\/b> at \d+:\d+$/,
      ),
    ]);
    await page.close();
  });

  test('readBuiltFile reads a directory path as its index.html', () => {
    expect(readBuiltFile('/')).toMatch(/<html/i);
  });
});

/** A GET that sends the path byte for byte (fetch would resolve `..`) and returns the raw body. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('the static server', () => {
  let parent: string;
  let root: string;
  let server: StaticServer;
  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'static-server-'));
    root = join(parent, 'site');
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>Home</title>',
      '404.html': '<!doctype html><title>Not here</title>',
      'about.html': '<!doctype html><title>About</title>',
      'Docs/index.html': '<!doctype html><title>Docs</title>',
      'empty/.keep': '',
      'style.css': `body { color: red; }\n`.repeat(200),
      'pagefind/fragment/en_1.pf_fragment': 'bytes',
      _headers: '/*\n  X-Test: all\n\n/*.css\n  X-Test: css\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    server = await startStaticServer(root);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  test('serves a directory index, and ignores the query string', async () => {
    const response = await get('/Docs/?q=1');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Docs</title>');
  });

  test('redirects a directory without its slash with 301, keeping the query', async () => {
    const response = await get('/Docs?q=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/Docs/?q=1');
  });

  test('matches paths case-sensitively', async () => {
    expect((await get('/docs/')).status).toBe(404);
  });

  test('answers unknown paths and index-less directories with 404 and the 404.html body', async () => {
    for (const path of ['/nope/', '/empty/']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('<title>Not here</title>');
    }
  });

  test('serves /about from about.html, as GitHub Pages and Netlify do', async () => {
    expect(await (await get('/about')).text()).toContain('<title>About</title>');
  });

  test('refuses path traversal, plain and percent-encoded', async () => {
    for (const path of [
      '/../secret.txt',
      '/Docs/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/Docs/..%2f..%2fsecret.txt',
    ]) {
      const response = await rawGet(server.url, path);
      expect(response.status, path).toBe(400);
      expect(response.body.toString(), path).not.toContain('secret');
    }
  });

  test('sends content types a static host sends, with Pagefind files as bytes', async () => {
    expect((await get('/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/pagefind/fragment/en_1.pf_fragment')).headers.get('content-type')).toBe(
      'application/octet-stream',
    );
  });

  test('serves _headers as a plain file by default, as GitHub Pages does', async () => {
    const response = await get('/_headers');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-test')).toBeNull();
  });

  test('with hostHeaders, sends the headers of every _headers rule a path matches and hides the file', async () => {
    const hosted = await startStaticServer(root, { hostHeaders: true });
    try {
      const header = async (path: string) => (await fetch(`${hosted.url}${path}`)).headers.get('x-test');
      expect(await header('/Docs/')).toBe('all');
      expect(await header('/style.css')).toBe('all, css');
      expect(await header('/nope/')).toBe('all');
      expect((await fetch(`${hosted.url}/_headers`)).status).toBe(404);
    } finally {
      await hosted.close();
    }
  });

  test('gzips text when asked, and reports the uncompressed length', async () => {
    // fetch() would decompress transparently; a raw request shows the bytes on the wire.
    const { headers, body } = await rawGet(server.url, '/style.css', { 'accept-encoding': 'gzip, br' });
    expect(headers['content-encoding']).toBe('gzip');
    expect(Number(headers['x-uncompressed-length'])).toBe(4200);
    expect(body.length).toBeLessThan(4200);
    expect(gunzipSync(body).length).toBe(4200);
  });
});

test('findChromium prefers CHROMIUM_PATH and ignores paths that are not executable', () => {
  expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  expect(findChromium({ CHROMIUM_PATH: '/no/such/chromium' })).not.toBe('/no/such/chromium');
});
