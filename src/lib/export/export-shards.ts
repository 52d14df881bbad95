import { codeJsonPath, codeMarkdownPath, codePath, exportShardPath, markdownShardPath } from '../core/urls.ts';

/**
 * Most codes one file of a service's export holds. At 100 the whole cloud (44 services, 6,576 codes) is 87 files
 * rather than a file per code; the largest is VPC's 97 codes in one file of 283 KB before compression.
 */
export const MAX_CODES_PER_SHARD = 100;

/** A run of a service's codes in table order, and the site paths of the export file and the Markdown that hold it. */
export interface ExportShard<Entry> {
  path: string;
  /** The site path of the same codes as Markdown: `/ecs/errors/ecs-0000--ecs-0214.md`. */
  markdown: string;
  entries: Entry[];
}

/**
 * Cuts a service's codes, in table order (that of errors.json), into the fewest runs of at most
 * `MAX_CODES_PER_SHARD` codes, as even as they can be (147 codes: 74 and 73), each named by its first and last code.
 */
export function planExportShards<Entry extends { slug: string }>(
  service: string,
  entries: readonly Entry[],
): ExportShard<Entry>[] {
  const count = Math.ceil(entries.length / MAX_CODES_PER_SHARD);
  const shards: ExportShard<Entry>[] = [];
  for (let i = 0, start = 0; i < count; i++) {
    // The first `length % count` runs take one code more than the others.
    const size = Math.floor(entries.length / count) + (i < entries.length % count ? 1 : 0);
    const run = entries.slice(start, start + size);
    const [first, last] = [run[0], run[run.length - 1]];
    shards.push({
      path: exportShardPath(service, first, last),
      markdown: markdownShardPath(service, first, last),
      entries: run,
    });
    start += size;
  }
  return shards;
}

/**
 * The site path of each code's JSON document (its export file and `#/codes/<code>`), by the path of its page
 * (`/ecs/ecs-0010/`), for codes of any number of services, each service's in table order.
 */
export function indexCodeJsonPaths(
  entries: readonly { service: string; code: string; slug: string }[],
): Map<string, string> {
  const byService = Map.groupBy(entries, (entry) => entry.service);
  return new Map(
    [...byService].flatMap(([service, codes]) =>
      planExportShards(service, codes).flatMap((shard) =>
        shard.entries.map((entry) => [codePath(entry), codeJsonPath(shard.path, entry.code)] as const),
      ),
    ),
  );
}

/**
 * The site path of each code's Markdown (its Markdown file and `#<slug>`), by the path of its page, for codes of any
 * number of services, each service's in table order.
 */
export function indexCodeMarkdownPaths(entries: readonly { service: string; slug: string }[]): Map<string, string> {
  const byService = Map.groupBy(entries, (entry) => entry.service);
  return new Map(
    [...byService].flatMap(([service, codes]) =>
      planExportShards(service, codes).flatMap((shard) =>
        shard.entries.map((entry) => [codePath(entry), codeMarkdownPath(shard.markdown, entry)] as const),
      ),
    ),
  );
}
