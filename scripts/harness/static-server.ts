/**
 * A tiny static file server that behaves like GitHub Pages or Netlify, for tests, benchmarks and screenshots
 * against a built site.
 *
 * Written by hand because `astro preview` needs the Astro config and a child process, and none of the
 * installed packages serves files with host-like 301s, 404 pages and gzip sizes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../../src/lib/security/headers-file.ts';

/** A running server: `url` is its origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

const BINARY_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  // Pagefind's files are already gzipped by Pagefind itself and are fetched as bytes.
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Returns the Content-Type a static host sends for a file name. */
export function contentTypeFor(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return TEXT_TYPES[ext] ?? BINARY_TYPES[ext] ?? 'application/octet-stream';
}

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /**
   * Read the site's `_headers` file as Netlify and Cloudflare Pages do: each response gets the headers of the rules
   * its path matches, and the file itself is not served. Without it the file is served like any other, as GitHub
   * Pages does.
   */
  hostHeaders?: boolean;
}

/** Starts serving `root` (default `dist`) on 127.0.0.1 at a free port. */
export async function startStaticServer(root = 'dist', options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  const headersFile = join(rootDir, '_headers');
  const rules =
    options.hostHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : undefined;
  const server = createServer((req, res) => {
    handleRequest(rootDir, req, res, rules).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${String(error)}`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(
  rootDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  rules: HeaderRule[] | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
  const segments = decodeSegments(rawPath);
  if (!segments) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
    return;
  }
  const filePath = join(rootDir, ...segments);
  if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) {
    res.writeHead(400).end();
    return;
  }

  const extra = rules ? headersForPath(rules, rawPath) : new Map<string, string>();
  const send = (status: number, file: string) => sendFile(req, res, status, file, extra);
  // A host that reads _headers never serves it.
  const found = rules && segments.join('/') === '_headers' ? undefined : await statExact(rootDir, segments);
  if (found?.isDirectory()) {
    if (!rawPath.endsWith('/')) {
      const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      res.writeHead(301, { location: `${rawPath}/${query}` }).end();
      return;
    }
    if (await statExact(rootDir, [...segments, 'index.html'])) {
      await send(200, join(filePath, 'index.html'));
      return;
    }
  } else if (found?.isFile()) {
    await send(200, filePath);
    return;
  } else if (segments.length > 0 && !rawPath.endsWith('/')) {
    // Like GitHub Pages and Netlify: `/about` serves `about.html` when there is no `about/`.
    const last = segments[segments.length - 1];
    if (await statExact(rootDir, [...segments.slice(0, -1), `${last}.html`])) {
      await send(200, `${filePath}.html`);
      return;
    }
  }

  if (await statExact(rootDir, ['404.html'])) {
    await send(404, join(rootDir, '404.html'));
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

/** Splits a URL path into decoded segments, or returns undefined for traversal and malformed paths. */
function decodeSegments(rawPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) {
      return undefined;
    }
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments;
}

/**
 * Stats a path below the root, matching each segment's case exactly, so that a case-insensitive disk
 * (macOS, Windows) still answers like a case-sensitive host.
 */
async function statExact(rootDir: string, segments: string[]) {
  let dir = rootDir;
  for (const segment of segments) {
    const names = await readdir(dir).catch(() => [] as string[]);
    if (!names.includes(segment)) return undefined;
    dir = join(dir, segment);
  }
  return stat(dir).catch(() => undefined);
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  filePath: string,
  extra: ReadonlyMap<string, string>,
) {
  const body = await readFile(filePath);
  const type = contentTypeFor(filePath);
  const headers: Record<string, string | number> = {
    ...Object.fromEntries(extra),
    'content-type': type,
    'x-uncompressed-length': body.length,
  };
  let payload = body;
  if (Object.values(TEXT_TYPES).includes(type)) {
    headers.vary = 'Accept-Encoding';
    if (acceptsGzip(req.headers['accept-encoding'])) {
      payload = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
  }
  headers['content-length'] = payload.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** True when an Accept-Encoding header allows gzip (and does not give it q=0). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip' && name?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
