/**
 * What a code's `json` URL from the export points at, as a tool finds it: the file of its path, read by `readFile`
 * (a site path in, the parsed document out, or undefined), then the JSON Pointer (RFC 6901) of its fragment.
 */
export function resolveJsonUrl(url: string, readFile: (path: string) => unknown): unknown {
  const { pathname, hash } = new URL(url);
  const tokens = hash === '' ? [] : decodeURIComponent(hash.slice(1)).split('/').slice(1);
  return tokens.reduce<unknown>(
    (node, token) =>
      typeof node === 'object' && node !== null && Object.hasOwn(node, unescapeToken(token))
        ? (node as Record<string, unknown>)[unescapeToken(token)]
        : undefined,
    readFile(pathname),
  );
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
