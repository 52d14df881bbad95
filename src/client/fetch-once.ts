const fetched = new Map<string, Promise<unknown>>();

/**
 * The data at a site path, fetched and read once per page, however many callers ask: `read` turns the parsed JSON
 * into what callers get. Without `fallback` a failed fetch rejects; with it, a failed fetch or a non-2xx answer
 * gives the fallback (a lookup shard that cannot load is an empty one).
 */
export function fetchOnce<T>(path: string, read: (json: unknown) => T, fallback?: T): Promise<T> {
  let data = fetched.get(path) as Promise<T> | undefined;
  if (!data) {
    const failed = (reason: unknown): T => {
      if (fallback === undefined) throw reason;
      return fallback;
    };
    data = fetch(path).then(
      async (response) =>
        response.ok ? read(await response.json()) : failed(new Error(`${path}: HTTP ${response.status}`)),
      failed,
    );
    fetched.set(path, data);
  }
  return data;
}
