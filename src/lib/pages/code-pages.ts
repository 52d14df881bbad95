import { z } from 'astro/zod';
import { CodeEntrySchema, type CodeEntry, type ServiceCatalogue } from '../catalogue/catalogue.ts';
import { CategorySchema, indexCategories, type Category } from './categories.ts';
import { PageHistorySchema } from '../history/code-history.ts';
import { codePath } from '../core/urls.ts';
import { sameAnswerKey, sharedMessageKey } from '../core/message-identity.ts';
import { groupSharedCodes } from '../core/code-identity.ts';
import { shortServiceName } from '../core/service-name.ts';

/** A link to another code, with what a list shows of it. */
export interface CodeLink {
  code: string;
  path: string;
  statuses: number[];
  message: string;
}

/** A link to an index page. */
export const CategoryLinkSchema = CategorySchema.pick({ kind: true, title: true, label: true, path: true });
export type CategoryLink = z.infer<typeof CategoryLinkSchema>;

/** The same code in another service: where, and whether its rows read the same there (one answer, two tables). */
export const ElsewhereLinkSchema = z.object({
  service: z.string(),
  short: z.string(),
  path: z.string(),
  same: z.boolean(),
});
export type ElsewhereLink = z.infer<typeof ElsewhereLinkSchema>;

/**
 * One code page: its entry, and the other codes and index pages it links to, named by code and path. Links are
 * references, not copies: every page would otherwise repeat the messages and titles of its neighbours, and the
 * content store that keeps the pages is bundled into the build, so its size is build memory. `viewCodePage`
 * gives the links a page shows.
 */
export const CodePageSchema = z.object({
  entry: CodeEntrySchema,
  path: z.string(),
  /** Paths of the index pages that list the code. */
  categories: z.array(z.string()),
  /** Codes whose message template is identical to one of this code's (Ecs.0202 and Ecs.0203). */
  sameMessage: z.array(z.string()),
  /** A few neighbours from each of the code's topics and its family, nearest in catalogue order first. */
  related: z.array(z.object({ category: z.string(), codes: z.array(z.string()) })),
  previous: z.string().optional(),
  next: z.string().optional(),
  /** The code's history, when the service has dated versions of its table. */
  history: PageHistorySchema.optional(),
  /** The same code in other services (`ELB.1001` in ELB and LB), when there are any. */
  elsewhere: z.array(ElsewhereLinkSchema).optional(),
});
export type CodePage = z.infer<typeof CodePageSchema>;

/** A code page with its links as it shows them: each code with its message, each index page with its title. */
export interface CodePageView extends Omit<CodePage, 'categories' | 'sameMessage' | 'related' | 'previous' | 'next'> {
  categories: CategoryLink[];
  sameMessage: CodeLink[];
  related: { category: CategoryLink; codes: CodeLink[] }[];
  previous?: CodeLink;
  next?: CodeLink;
}

const RELATED_PER_CATEGORY = 5;

/** Builds the data of every code page of a service in one pass (linear in the number of codes). */
export function buildCodePages(catalogue: ServiceCatalogue, categories: readonly Category[]): CodePage[] {
  const entries = catalogue.entries;
  const positionIn = new Map(categories.map((c) => [c, new Map(c.codes.map((code, j) => [code, j]))]));
  const byCategory = indexCategories(categories);
  const byTemplate = new Map<string, string[]>();
  for (const e of entries) {
    for (const key of new Set(e.variants.filter((v) => v.message.text).map((v) => sharedMessageKey(v.message.text)))) {
      byTemplate.set(key, [...(byTemplate.get(key) ?? []), e.code]);
    }
  }
  return entries.map((entry, i) => {
    const own = byCategory.get(entry.code) ?? [];
    const sameMessage = [
      ...new Set(entry.variants.flatMap((v) => byTemplate.get(sharedMessageKey(v.message.text)) ?? [])),
    ].filter((code) => code !== entry.code);
    const shown = new Set([entry.code, ...sameMessage]);
    const related = own
      .filter((c) => c.kind === 'topic' || c.kind === 'family')
      .map((category) => {
        const at = positionIn.get(category)?.get(entry.code) ?? 0;
        const codes = neighbours(category.codes, at, (code) => !shown.has(code), RELATED_PER_CATEGORY);
        for (const code of codes) shown.add(code);
        return { category: category.path, codes };
      })
      .filter((group) => group.codes.length > 0);
    return {
      entry,
      path: codePath(entry),
      categories: own.map((c) => c.path),
      sameMessage,
      related,
      ...(i > 0 ? { previous: entries[i - 1].code } : {}),
      ...(i < entries.length - 1 ? { next: entries[i + 1].code } : {}),
    };
  });
}

/** Up to `limit` items of a list nearest to position `at`, in list order. */
function neighbours<T>(list: readonly T[], at: number, keep: (item: T) => boolean, limit: number): T[] {
  const found: number[] = [];
  for (let d = 1; found.length < limit && (at - d >= 0 || at + d < list.length); d++) {
    for (const j of [at + d, at - d]) {
      if (j >= 0 && j < list.length && found.length < limit && keep(list[j])) found.push(j);
    }
  }
  return found.sort((a, b) => a - b).map((j) => list[j]);
}

/** A code as a list shows it: its first variant's status and message. */
export function toCodeLink(entry: CodeEntry): CodeLink {
  return {
    code: entry.code,
    path: codePath(entry),
    statuses: entry.variants[0].statuses,
    message: entry.variants[0].message.text || entry.variants[0].description.text,
  };
}

/** A category as a link. */
export function toCategoryLink(category: Category): CategoryLink {
  return { kind: category.kind, title: category.title, label: category.label, path: category.path };
}

/** The code pages of the site with their links to show; links are shared objects, one per code and index page. */
export function viewCodePages(pages: readonly CodePage[], categories: readonly Category[]): CodePageView[] {
  const links = new Map(pages.map((p) => [`${p.entry.service}/${p.entry.code}`, toCodeLink(p.entry)]));
  const categoryLinks = new Map(categories.map((c) => [c.path, toCategoryLink(c)]));
  return pages.map((p) => {
    const link = (code: string) => links.get(`${p.entry.service}/${code}`)!;
    return {
      ...p,
      categories: p.categories.map((path) => categoryLinks.get(path)!),
      sameMessage: p.sameMessage.map(link),
      related: p.related.map((group) => ({
        category: categoryLinks.get(group.category)!,
        codes: group.codes.map(link),
      })),
      previous: p.previous === undefined ? undefined : link(p.previous),
      next: p.next === undefined ? undefined : link(p.next),
    };
  });
}

/**
 * Links each code page to the same code in the other services (any spelling), saying whether its rows read the
 * same there: message, description and solution of every row, case and whitespace aside. Fills `elsewhere`.
 */
export function linkSharedCodes(services: readonly { catalogue: ServiceCatalogue; pages: CodePage[] }[]): void {
  const items = services.flatMap(({ catalogue, pages }) =>
    pages.map((page) => ({ catalogue, page, rows: page.entry.variants.map(sameAnswerKey).join(' ') })),
  );
  const shared = groupSharedCodes(
    items,
    (item) => item.page.entry.code,
    (item) => item.catalogue.id,
  );
  for (const group of shared.values()) {
    for (const own of group) {
      own.page.elsewhere = group
        .filter((other) => other.catalogue.id !== own.catalogue.id)
        .map((other) => ({
          service: other.catalogue.id,
          short: shortServiceName(other.catalogue),
          path: other.page.path,
          same: other.rows === own.rows,
        }));
    }
  }
}
