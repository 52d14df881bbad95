import { z } from 'astro/zod';
import { shortServiceName } from '../core/service-name.ts';
import type { CodeEntry, ServiceCatalogue } from '../catalogue/catalogue.ts';
import type { Editorial, Family } from '../catalogue/editorial.ts';
import { describeStatus } from '../core/http-status.ts';
import { categoryPath, SERVICE_URL_WORDS, slugify } from '../core/urls.ts';

/** The kinds of index page a service has. */
export const CategoryKindSchema = z.enum(SERVICE_URL_WORDS.categoryKinds);
export type CategoryKind = z.infer<typeof CategoryKindSchema>;

/** An index page: a named list of codes. */
export const CategorySchema = z.object({
  service: z.string(),
  kind: CategoryKindSchema,
  slug: z.string(),
  title: z.string(),
  label: z.string().describe('Short label for lists and the sidebar.'),
  summary: z.string(),
  path: z.string().describe('Site path with trailing slash: `/ecs/status/404/`.'),
  codes: z.array(z.string()).describe('Codes in catalogue order.'),
});
export type Category = z.infer<typeof CategorySchema>;

/** An index page that lists some of a service's codes: any kind but the page of all codes. */
export type ListedCategory = Category & { kind: Exclude<CategoryKind, 'all'> };

function isListed(category: Category): category is ListedCategory {
  return category.kind !== 'all';
}

/**
 * Lists every index page of a service: all codes, by table (for a file with several), by status, by prefix,
 * by family, by topic. Families come from categories.json, else from the structure of the codes themselves.
 */
export function listCategories(catalogue: ServiceCatalogue, editorial: Editorial): Category[] {
  const make = (
    kind: CategoryKind,
    slug: string,
    fields: Pick<Category, 'title' | 'label' | 'summary'>,
    entries: CodeEntry[],
  ): Category => ({
    service: catalogue.id,
    kind,
    slug,
    ...fields,
    path: categoryPath(catalogue.id, kind, slug),
    codes: entries.map((e) => e.code),
  });
  const entries = catalogue.entries;
  const statuses = [...new Set(entries.flatMap((e) => e.variants.flatMap((v) => v.statuses)))].sort((a, b) => a - b);
  const prefixes = groupPrefixes(entries);
  const primary = primaryPrefix(entries);
  return [
    make(
      'all',
      'all',
      {
        title: `All ${shortServiceName(catalogue)} error codes`,
        label: 'All codes',
        summary: `Every error code in the ${catalogue.name} table, with its HTTP status and message.`,
      },
      entries,
    ),
    ...tableGroups(catalogue).map(({ slug, caption, members }) =>
      make(
        'table',
        slug,
        {
          title: `${shortServiceName(catalogue)}: ${caption}`,
          label: caption,
          summary: `The codes of the table "${caption}" in the ${catalogue.name} documentation.`,
        },
        members,
      ),
    ),
    ...statuses.map((status) =>
      make(
        'status',
        String(status),
        {
          title: `HTTP ${status} ${describeStatus(status)}`,
          label: `${status} ${describeStatus(status)}`,
          summary:
            `${shortServiceName(catalogue)} error codes that the table lists with HTTP status ${status} ` +
            `(${describeStatus(status)}).`,
        },
        entries.filter((e) => e.variants.some((v) => v.statuses.includes(status))),
      ),
    ),
    ...prefixes.map(({ prefix, members }) =>
      make(
        'prefix',
        prefix.toLowerCase(),
        {
          title: `${prefix}.* codes`,
          label: `${prefix}.*`,
          summary: prefixSummary(prefix, primary, catalogue),
        },
        members,
      ),
    ),
    ...familiesOf(editorial, entries, primary).map(({ family, members, label }) =>
      make('family', family.slug, { title: `${label}: ${family.title}`, label, summary: family.summary }, members),
    ),
    ...editorial.topics.map((topic) => {
      const listed = new Set(topic.codes);
      return make(
        'topic',
        topic.slug,
        { title: topic.title, label: topic.title, summary: topic.summary },
        entries.filter((e) => listed.has(e.code)),
      );
    }),
  ].filter((c) => c.codes.length > 0);
}

/**
 * The code prefixes of a service, each with its codes. Prefixes are one page whatever their case, as codes are the
 * same code in any case: a table that writes `Endpoint.0101` once among `EndPoint.*` codes has one `EndPoint.*`
 * page (`/vpcep/prefix/endpoint/`) with both, named as most of its codes write it.
 */
function groupPrefixes(entries: readonly CodeEntry[]): { prefix: string; members: CodeEntry[] }[] {
  const groups = Map.groupBy(
    entries.filter((e) => e.prefix !== ''),
    (e) => e.prefix.toLowerCase(),
  );
  return [...groups.values()].map((members) => {
    // The spelling most codes have; on a tie, the one the table writes first.
    const spellings = [...Map.groupBy(members, (e) => e.prefix)];
    const [prefix] = spellings.reduce((best, next) => (next[1].length > best[1].length ? next : best));
    return { prefix, members };
  });
}

/** The prefix most of a service's numbered codes have (`Ecs`; empty for plain numbers): families group its numbers. */
function primaryPrefix(entries: readonly CodeEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.number !== '') counts.set(e.prefix, (counts.get(e.prefix) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** The error tables of a file that has several, each with the codes that have a row in it. */
function tableGroups(catalogue: ServiceCatalogue): { slug: string; caption: string; members: CodeEntry[] }[] {
  const used = new Set<string>();
  return (catalogue.tables ?? []).map((table, index) => {
    const caption = table.caption ?? `Table at line ${table.line}`;
    let slug = slugify(caption) || `table-${index + 1}`;
    if (used.has(slug)) slug = `${slug}-${index + 1}`;
    used.add(slug);
    return { slug, caption, members: catalogue.entries.filter((e) => e.variants.some((v) => v.table === index)) };
  });
}

function familiesOf(editorial: Editorial, entries: readonly CodeEntry[], primary: string) {
  const numbered = entries.filter((e) => e.prefix === primary && e.number !== '');
  if (editorial.families.length === 0 && numbered.length === 0) return nameFamilies(entries);
  const families: Family[] = editorial.families.length > 0 ? editorial.families : defaultFamilies(numbered);
  return families.map((family) => ({
    family,
    label: primary ? `${primary}.${family.slug}` : family.slug,
    members: numbered.filter((e) => Number(e.number) >= family.range[0] && Number(e.number) <= family.range[1]),
  }));
}

/** A family with more codes than this is split into the ten ranges below it (`0xxx` into `00xx` ... `09xx`). */
const MAX_FAMILY_SIZE = 50;

/**
 * Ranges of numbers when the service names none, found from the numbers themselves: the widest power-of-ten
 * ranges that tell the codes apart (`0xxx` and `1xxx`), each range with more than MAX_FAMILY_SIZE codes split
 * into its tenths (`00xx` ... `09xx`). Four-digit codes get hundreds and thousands; nine-digit codes
 * `1114000xx`; never one family per code.
 */
function defaultFamilies(entries: readonly CodeEntry[]): Family[] {
  const numbers = [...new Set(entries.map((e) => Number(e.number)))].sort((a, b) => a - b);
  const width = Math.max(...entries.map((e) => e.number.length));
  let step = 10 ** Math.max(1, String(numbers.at(-1) ?? 0).length);
  while (step > 10 && new Set(numbers.map((n) => Math.floor(n / step))).size < 2) step /= 10;
  const families: Family[] = [];
  const split = (from: number, size: number, members: number[]) => {
    const child = size / 10;
    if (members.length > MAX_FAMILY_SIZE && child >= 10) {
      for (let k = 0; k < 10; k++) {
        const inside = members.filter((n) => n >= from + k * child && n < from + (k + 1) * child);
        if (inside.length > 0) split(from + k * child, child, inside);
      }
      return;
    }
    const digits = String(size).length - 1;
    const head = String(Math.floor(from / size)).padStart(Math.max(width - digits, 1), '0');
    families.push({
      slug: `${head}${'x'.repeat(digits)}`,
      range: [from, from + size - 1],
      title: `Codes ${from}-${from + size - 1}`,
      summary: '',
    });
  };
  for (const bucket of new Set(numbers.map((n) => Math.floor(n / step)))) {
    split(
      bucket * step,
      step,
      numbers.filter((n) => Math.floor(n / step) === bucket),
    );
  }
  return families;
}

/**
 * Families of codes that are names (`InvalidArgument`, `NoSuchKey`): by their first word when at least two
 * codes share it (`Invalid…`, `NoSuch…` is `No`), never one family per code.
 */
function nameFamilies(entries: readonly CodeEntry[]): { family: Family; label: string; members: CodeEntry[] }[] {
  const byWord = new Map<string, CodeEntry[]>();
  for (const e of entries) {
    const word = firstWord(e.code);
    byWord.set(word, [...(byWord.get(word) ?? []), e]);
  }
  const groups = [...byWord].filter(([, members]) => members.length >= 2);
  if (groups.length < 2) return [];
  return groups.map(([word, members]) => ({
    family: {
      // A first word that is one character, neither an ASCII letter nor a digit (`_Foo`), has always had the slug `-`.
      slug: slugify(word) || '-',
      range: [0, 0] as [number, number],
      title: `Codes named ${word}…`,
      summary: `Codes whose name starts with "${word}".`,
    },
    label: `${word}…`,
    members,
  }));
}

/** The first word of a code name: up to a separator or an inner capital (`NoSuchKey` -> `No`, `KMS.Disabled` -> `KMS`). */
function firstWord(code: string): string {
  return /^[A-Z]+(?![a-z])|^[A-Za-z][a-z0-9]*/.exec(code)?.[0] ?? code.slice(0, 1);
}

function prefixSummary(prefix: string, primary: string, catalogue: ServiceCatalogue): string {
  if (prefix === primary) return `Codes raised by ${catalogue.name} itself.`;
  if (prefix.toLowerCase() === 'common')
    return (
      `Codes shared by the cloud's API gateway and job framework; ${shortServiceName(catalogue)} returns them too. ` +
      'The same Common code can mean something else in another service.'
    );
  if (prefix.toLowerCase() === 'pdp')
    return (
      'Codes from the policy decision point: fine-grained permission (IAM policy) checks that run before a request ' +
      'reaches the service.'
    );
  return `${prefix}.* codes that ${catalogue.name} returns.`;
}

/** Maps each code to the categories that list it (except "all"), in the order of `listCategories`. */
export function indexCategories(categories: readonly Category[]): Map<string, ListedCategory[]> {
  const index = new Map<string, ListedCategory[]>();
  for (const category of categories) {
    if (!isListed(category)) continue;
    for (const code of category.codes) {
      const list = index.get(code) ?? [];
      list.push(category);
      index.set(code, list);
    }
  }
  return index;
}
