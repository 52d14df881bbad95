import type { CodeEntry, ServiceCatalogue } from './catalogue';
import type { Editorial, Family } from './editorial';
import { describeStatus } from './http-status';

/** The kinds of index page a service has. */
export type CategoryKind = 'all' | 'status' | 'prefix' | 'family' | 'topic';

/** An index page: a named list of codes. */
export interface Category {
  service: string;
  kind: CategoryKind;
  slug: string;
  title: string;
  /** Short label for lists and the sidebar. */
  label: string;
  summary: string;
  /** Site path with trailing slash: `/ecs/status/404/`. */
  path: string;
  /** Codes in catalogue order. */
  codes: string[];
}

/** Lists every index page of a service: all codes, by status, by prefix, by family, by topic. */
export function listCategories(catalogue: ServiceCatalogue, editorial: Editorial): Category[] {
  const base = `/${catalogue.id}`;
  const make = (kind: CategoryKind, slug: string, fields: Pick<Category, 'title' | 'label' | 'summary'>, entries: CodeEntry[]): Category => ({
    service: catalogue.id,
    kind,
    slug,
    ...fields,
    path: kind === 'all' ? `${base}/all/` : `${base}/${kind}/${slug}/`,
    codes: entries.map((e) => e.code),
  });
  const entries = catalogue.entries;
  const statuses = [...new Set(entries.flatMap((e) => e.variants.map((v) => v.status)))].sort((a, b) => a - b);
  const prefixes = [...new Set(entries.map((e) => e.prefix))];
  const primary = primaryPrefix(entries);
  return [
    make('all', 'all', { title: `All ${catalogue.short} error codes`, label: 'All codes', summary: `Every error code in the ${catalogue.name} table, with its HTTP status and message.` }, entries),
    ...statuses.map((status) =>
      make('status', String(status), {
        title: `HTTP ${status} ${describeStatus(status)}`,
        label: `${status} ${describeStatus(status)}`,
        summary: `${catalogue.short} error codes that the table lists with HTTP status ${status} (${describeStatus(status)}).`,
      }, entries.filter((e) => e.variants.some((v) => v.status === status))),
    ),
    ...prefixes.map((prefix) =>
      make('prefix', prefix.toLowerCase(), {
        title: `${prefix}.* codes`,
        label: `${prefix}.*`,
        summary: prefixSummary(prefix, primary, catalogue),
      }, entries.filter((e) => e.prefix === prefix)),
    ),
    ...familiesOf(editorial, entries, primary).map(({ family, members }) =>
      make('family', family.slug, {
        title: `${primary}.${family.slug}: ${family.title}`,
        label: `${primary}.${family.slug}`,
        summary: family.summary,
      }, members),
    ),
    ...editorial.topics.map((topic) => {
      const listed = new Set(topic.codes);
      return make('topic', topic.slug, { title: topic.title, label: topic.title, summary: topic.summary },
        entries.filter((e) => listed.has(e.code)));
    }),
  ].filter((c) => c.codes.length > 0);
}

/** The prefix most of a service's codes have (`Ecs`): families group its numbers. */
export function primaryPrefix(entries: readonly CodeEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.prefix, (counts.get(e.prefix) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function familiesOf(editorial: Editorial, entries: readonly CodeEntry[], primary: string) {
  const numbered = entries.filter((e) => e.prefix === primary && e.number !== '');
  const families: Family[] = editorial.families.length > 0 ? editorial.families : defaultFamilies(numbered);
  return families.map((family) => ({
    family,
    members: numbered.filter((e) => Number(e.number) >= family.range[0] && Number(e.number) <= family.range[1]),
  }));
}

/** One family per hundreds range (thousands from 1000 up) when the service names none. */
function defaultFamilies(entries: readonly CodeEntry[]): Family[] {
  const slugs = new Map<string, Family>();
  for (const e of entries) {
    const n = Number(e.number);
    const family = n >= 1000
      ? { slug: `${Math.floor(n / 1000)}xxx`, range: [Math.floor(n / 1000) * 1000, Math.floor(n / 1000) * 1000 + 999] as [number, number] }
      : { slug: `${String(Math.floor(n / 100)).padStart(2, '0')}xx`, range: [Math.floor(n / 100) * 100, Math.floor(n / 100) * 100 + 99] as [number, number] };
    if (!slugs.has(family.slug)) slugs.set(family.slug, { ...family, title: `Codes ${family.range[0]}-${family.range[1]}`, summary: '' });
  }
  return [...slugs.values()];
}

function prefixSummary(prefix: string, primary: string, catalogue: ServiceCatalogue): string {
  if (prefix === primary) return `Codes raised by ${catalogue.name} itself.`;
  if (prefix.toLowerCase() === 'common') return `Codes shared by the cloud's API gateway and job framework; ${catalogue.short} returns them too. The same Common code can mean something else in another service.`;
  if (prefix.toLowerCase() === 'pdp') return 'Codes from the policy decision point: fine-grained permission (IAM policy) checks that run before a request reaches the service.';
  return `${prefix}.* codes that ${catalogue.name} returns.`;
}

/** Maps each code to the categories that list it (except "all"), in the order of `listCategories`. */
export function indexCategories(categories: readonly Category[]): Map<string, Category[]> {
  const index = new Map<string, Category[]>();
  for (const category of categories) {
    if (category.kind === 'all') continue;
    for (const code of category.codes) {
      const list = index.get(code) ?? [];
      list.push(category);
      index.set(code, list);
    }
  }
  return index;
}
