import { z } from 'astro/zod';
import type { CodeEntry, RichText, ServiceCatalogue, Variant } from '../catalogue/catalogue.ts';
import type { Segment } from '../core/template.ts';
import { wordingKey } from '../core/message-identity.ts';
import { DateSchema } from '../core/schemas.ts';

/**
 * One row a code has had: a status and a message. Two rows are the same wording when status and message text
 * match after whitespace is collapsed; description and solution come from the latest version with the row.
 * `first` and `last` are the dates of the first and last version holding the row, whatever lies between: a
 * message reworded and later restored (A -> B -> A) is one wording A from the first to the third version.
 */
export interface Wording {
  statuses: number[];
  message: RichText;
  template: Segment[];
  description: RichText;
  solution: RichText;
  first: string;
  last: string;
  /** In the current (newest) version. */
  current: boolean;
  /** Fragment id of the variant on the code page, for wordings the page shows as variants (those of `lastPublished`). */
  anchor?: string;
}

/** What became of one code across the versions of its table. */
export interface CodeHistory {
  code: string;
  /** Date of the first version with the code. */
  introduced: string;
  /** Date of the last version with the code. */
  lastPublished: string;
  /** Not in the current version. */
  retired: boolean;
  /** Not in the oldest version. */
  added: boolean;
  /** Current wordings first, in table order; then older ones, most recently published first. */
  wordings: Wording[];
}

/** What one version changed against the version before it. Codes are in catalogue order. */
export const VersionChangeSchema = z.object({
  date: DateSchema,
  previous: DateSchema.optional(),
  added: z.array(z.string()),
  removed: z
    .array(z.string())
    .describe("Codes of the previous version that this one lacks, in the previous version's order."),
  reworded: z
    .array(
      z.object({
        code: z.string(),
        before: z.array(z.string()),
        after: z.array(z.string()),
        beforeStatus: z.array(z.number()),
        afterStatus: z.array(z.number()),
      }),
    )
    .describe(
      'Codes whose rows changed (a message reworded, a status changed, a row added or dropped); messages ' +
        "in table order, each row's first status (0: none).",
    ),
});
export type VersionChange = z.infer<typeof VersionChangeSchema>;

/** What the site keeps of a service's versions: their dates, the newest, and what each changed. */
export const ServiceVersionsSchema = z.object({
  dates: z.array(DateSchema),
  current: DateSchema,
  changes: z.array(VersionChangeSchema),
});
export type ServiceVersions = z.infer<typeof ServiceVersionsSchema>;

/** A service's table across all its published versions. */
export interface ServiceHistory {
  /** Version dates, oldest first. */
  dates: string[];
  /** Date of the newest version. */
  current: string;
  codes: Map<string, CodeHistory>;
  /** One entry per version after the first. */
  changes: VersionChange[];
  /**
   * Every code ever published, with the rows of the newest version holding it: the current version's codes in
   * its order, then retired codes grouped by prefix (prefixes in catalogue order) and by number. A retired
   * code's `line`s are those of the history file it was last published in.
   */
  entries: CodeEntry[];
}

interface WordingState {
  firstIndex: number;
  lastIndex: number;
  /** The row in the latest version holding it, and its position among the code's rows there. */
  variant: Variant;
  position: number;
}

interface CodeState {
  firstIndex: number;
  lastIndex: number;
  /** The code in the latest version processed, and its normalised messages. */
  entry: CodeEntry;
  texts: string[];
  /** Wordings by normalised message; one per status. */
  wordings: Map<string, WordingState[]>;
}

/** Builds a service's history from its dated versions (sorted by date here; the newest is current). */
export function buildHistory(versions: readonly { date: string; catalogue: ServiceCatalogue }[]): ServiceHistory {
  if (versions.length === 0) throw new Error('buildHistory needs at least one version of the table');
  const sorted = [...versions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates = sorted.map((v) => v.date);
  const newest = sorted.length - 1;
  const states = new Map<string, CodeState>();
  const changes: VersionChange[] = [];
  // Most messages recur unchanged in every version: normalise each distinct text once, and keep that one
  // string, so map lookups and comparisons reuse it.
  const normalised = new Map<string, string>();
  const normalise = (text: string) => {
    let found = normalised.get(text);
    if (found === undefined) normalised.set(text, (found = wordingKey(text)));
    return found;
  };

  sorted.forEach(({ date, catalogue }, index) => {
    const change: VersionChange | undefined =
      index === 0 ? undefined : { date, previous: dates[index - 1], added: [], removed: [], reworded: [] };
    for (const entry of catalogue.entries) {
      const texts = entry.variants.map((v) => normalise(v.message.text));
      let state = states.get(entry.code);
      if (!state) {
        state = { firstIndex: index, lastIndex: -1, entry, texts, wordings: new Map() };
        states.set(entry.code, state);
      }
      if (change) {
        if (state.lastIndex !== index - 1) change.added.push(entry.code);
        else if (!sameRows(state.entry.variants, state.texts, entry.variants, texts))
          change.reworded.push(describeRewording(state.entry, entry));
      }
      state.lastIndex = index;
      state.entry = entry;
      state.texts = texts;
      entry.variants.forEach((variant, position) => {
        const same = state.wordings.get(texts[position]) ?? [];
        if (same.length === 0) state.wordings.set(texts[position], same);
        const wording = same.find((w) => sameStatuses(w.variant, variant));
        if (!wording) same.push({ firstIndex: index, lastIndex: index, variant, position });
        // A row repeated within one version keeps its first occurrence.
        else if (wording.lastIndex < index) {
          wording.lastIndex = index;
          wording.variant = variant;
          wording.position = position;
        }
      });
    }
    if (change) {
      for (const { code } of sorted[index - 1].catalogue.entries)
        if (states.get(code)!.lastIndex !== index) change.removed.push(code);
      changes.push(change);
    }
  });

  const codes = new Map<string, CodeHistory>();
  for (const [code, state] of states) codes.set(code, toCodeHistory(code, state, dates));
  return {
    dates,
    current: dates[newest],
    codes,
    changes,
    entries: mergeEntries(sorted[newest].catalogue, states, newest),
  };
}

/** Tells whether two versions of a code have the same rows (status and normalised message), in any order. */
function sameRows(
  before: readonly Variant[],
  beforeTexts: readonly string[],
  after: readonly Variant[],
  afterTexts: readonly string[],
): boolean {
  if (before.length !== after.length) return false;
  if (before.length === 1) return sameStatuses(before[0], after[0]) && beforeTexts[0] === afterTexts[0];
  const keys = (variants: readonly Variant[], texts: readonly string[]) =>
    variants
      .map((v, i) => `${v.statuses.join('/')} ${texts[i]}`)
      .sort()
      .join('\n');
  return keys(before, beforeTexts) === keys(after, afterTexts);
}

function describeRewording(before: CodeEntry, after: CodeEntry): VersionChange['reworded'][number] {
  return {
    code: after.code,
    before: before.variants.map((v) => v.message.text),
    after: after.variants.map((v) => v.message.text),
    beforeStatus: before.variants.map(primaryStatus),
    afterStatus: after.variants.map(primaryStatus),
  };
}

function toCodeHistory(code: string, state: CodeState, dates: readonly string[]): CodeHistory {
  const newest = dates.length - 1;
  const ordered = [...state.wordings.values()]
    .flat()
    .sort((a, b) => b.lastIndex - a.lastIndex || a.position - b.position || b.firstIndex - a.firstIndex);
  const wordings = ordered.map((w): Wording => {
    const { statuses, message, template, description, solution, anchor } = w.variant;
    return {
      statuses,
      message,
      template,
      description,
      solution,
      first: dates[w.firstIndex],
      last: dates[w.lastIndex],
      current: w.lastIndex === newest,
      ...(w.lastIndex === state.lastIndex ? { anchor } : {}),
    };
  });
  return {
    code,
    introduced: dates[state.firstIndex],
    lastPublished: dates[state.lastIndex],
    retired: state.lastIndex < newest,
    added: state.firstIndex > 0,
    wordings,
  };
}

function mergeEntries(current: ServiceCatalogue, states: Map<string, CodeState>, newest: number): CodeEntry[] {
  const prefixRank = new Map<string, number>();
  for (const entry of current.entries) if (!prefixRank.has(entry.prefix)) prefixRank.set(entry.prefix, prefixRank.size);
  // States are in order of first publication, so a prefix only retired codes had ranks by when it first appeared.
  const retired = [...states.values()].filter((s) => s.lastIndex < newest).map((s) => s.entry);
  for (const entry of retired) if (!prefixRank.has(entry.prefix)) prefixRank.set(entry.prefix, prefixRank.size);
  retired.sort(
    (a, b) =>
      prefixRank.get(a.prefix)! - prefixRank.get(b.prefix)! ||
      (Number(a.number) || 0) - (Number(b.number) || 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return [...current.entries, ...retired];
}

/** Two rows have the same status when they name the same statuses in the same order. */
function sameStatuses(a: Pick<Variant, 'statuses'>, b: Pick<Variant, 'statuses'>): boolean {
  return a.statuses.length === b.statuses.length && a.statuses.every((s, i) => s === b.statuses[i]);
}

/** A row's first status, as the list of changes gives it: 0 for a row without one. */
function primaryStatus(variant: Pick<Variant, 'statuses'>): number {
  return variant.statuses[0] ?? 0;
}
