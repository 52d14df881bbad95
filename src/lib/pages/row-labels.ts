import type { Variant } from '../catalogue/catalogue.ts';
import { statusBadge } from '../core/http-status.ts';

/** Where the words that tell a row apart from its code's other rows come from. */
export type RowDistinction = 'status' | 'table' | 'column' | 'message' | 'description' | 'solution' | 'position';

/** What a row of a code page is called in its heading and in the table of contents. */
export interface RowLabel {
  /** `HTTP 400`, `HTTP 400/404`, `n/a`. */
  badge: string;
  /** What follows the badge: the status's reason phrase, or what tells this row apart from rows of the same status. */
  detail: string;
  /** Where `detail` comes from: `status` when the badge alone tells the row apart. */
  from: RowDistinction;
  /** The whole label: `HTTP 400 Bad Request`, `HTTP 400 · Querying an EIP`. */
  text: string;
}

/** Longest text a label takes from a cell; a longer one is cut at a word and ends in `…`. */
export const MAX_DETAIL_LENGTH = 48;

/** One source of words that may tell rows apart, and its value on each row of a group. */
interface Candidate {
  from: RowDistinction;
  values: string[];
}

/**
 * Labels the rows of one code so that no two read the same: a row whose status no other row has is its status
 * (`HTTP 404 Not Found`); rows that share a status add what tells them apart, the first that does of: the
 * table's caption, a column the site has no meaning for (`Module`), the message, the description, the solution
 * (`HTTP 400 · Querying an EIP`, `HTTP 400 · Invalid limit.`), two of them if one is not enough, and a row
 * number when the rows say the same (`HTTP 400 Bad Request (2)`).
 */
export function labelRows(
  variants: readonly Variant[],
  tableCaptions: readonly (string | undefined)[] = [],
): RowLabel[] {
  const badges = variants.map((v) => statusBadge(v));
  const labels: RowLabel[] = badges.map(({ badge, reason }) => ({
    badge,
    detail: reason,
    from: 'status',
    text: join(badge, reason),
  }));
  const groups = new Map<string, number[]>();
  badges.forEach(({ badge }, i) => groups.set(badge, [...(groups.get(badge) ?? []), i]));
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const details = distinguish(
      rows.map((i) => variants[i]),
      tableCaptions,
    );
    rows.forEach((row, j) => {
      const { badge, reason } = badges[row];
      const detail = details[j];
      if (detail) labels[row] = { badge, detail: detail.text, from: detail.from, text: `${badge} · ${detail.text}` };
      // Rows that say the same in every cell: the first keeps its status, the others are numbered.
      else if (j > 0)
        labels[row] = {
          badge,
          detail: `${reason} (${j + 1})`.trim(),
          from: 'position',
          text: `${join(badge, reason)} (${j + 1})`,
        };
    });
  }
  return labels;
}

/** What tells each of rows of one status apart, or undefined for rows that say the same. */
function distinguish(
  rows: readonly Variant[],
  tableCaptions: readonly (string | undefined)[],
): ({ text: string; from: RowDistinction } | undefined)[] {
  const headers = [...new Set(rows.flatMap((v) => (v.other ?? []).map((o) => o.header)))];
  const sources: Candidate[] = [
    { from: 'table', values: rows.map((v) => (v.table === undefined ? '' : (tableCaptions[v.table] ?? ''))) },
    ...headers.map((header): Candidate => ({
      from: 'column',
      values: rows.map((v) => v.other?.find((o) => o.header === header)?.value.text ?? ''),
    })),
    { from: 'message', values: rows.map((v) => v.message.text) },
    { from: 'description', values: rows.map((v) => v.description.text) },
    { from: 'solution', values: rows.map((v) => v.solution.text) },
  ];
  const candidates = sources
    .filter((c) => new Set(c.values.map(collapse)).size > 1)
    .map((c) => ({ ...c, values: shortenApart(c.values) }));
  if (candidates.length === 0) return rows.map(() => undefined);
  const tellsApart = (texts: string[]) => texts.every(Boolean) && new Set(texts).size === texts.length;
  const single = candidates.find((c) => tellsApart(c.values));
  if (single) return single.values.map((text) => ({ text, from: single.from }));
  for (let a = 0; a < candidates.length; a++) {
    for (let b = a + 1; b < candidates.length; b++) {
      const texts = rows.map((_, i) => [candidates[a].values[i], candidates[b].values[i]].filter(Boolean).join(' · '));
      if (tellsApart(texts)) return texts.map((text) => ({ text, from: candidates[a].from }));
    }
  }
  // Some rows say the same in every cell: the first varying source, numbered where it repeats.
  const { values, from } = candidates[0];
  return values.map((text, i) => {
    const same = values.filter((t) => t === text).length;
    const nth = values.slice(0, i + 1).filter((t) => t === text).length;
    const shown = text || 'other';
    return { text: same > 1 ? `${shown} (${nth})` : shown, from };
  });
}

/**
 * Cells as labels show them (see `shorten`); when cutting would make two different cells read the same, each
 * starts instead at the first word where they differ (`…flavor is missing.`).
 */
export function shortenApart(texts: readonly string[]): string[] {
  const short = texts.map(shorten);
  const full = texts.map(collapse);
  if (new Set(short).size === new Set(full).size) return short;
  const words = full.map((t) => t.split(' '));
  let common = 0;
  while (words.every((w) => w.length > common + 1 && w[common] === words[0][common])) common++;
  return words.map((w) => (common > 0 ? `…${shorten(w.slice(common).join(' '))}` : shorten(w.join(' '))));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A cell as a label shows it: whitespace collapsed, cut at a word when it is longer than MAX_DETAIL_LENGTH. */
export function shorten(text: string): string {
  const clean = collapse(text);
  if (clean.length <= MAX_DETAIL_LENGTH) return clean;
  const cut = clean.slice(0, MAX_DETAIL_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= MAX_DETAIL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(-]+$/, '')}…`;
}

function join(badge: string, reason: string): string {
  return reason ? `${badge} ${reason}` : badge;
}
