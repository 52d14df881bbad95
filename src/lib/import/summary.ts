/** One service's line in the summary table. */
export interface SummaryRow {
  service: string;
  ok: boolean;
  versions: number;
  codes: number;
  added: number;
  retired: number;
  /** Milliseconds. */
  time: number;
}

/** Formats the summary table: service, versions found, codes now, codes added and retired over its history, time taken. */
export function formatSummary(rows: readonly SummaryRow[]): string[] {
  const header = ['service', 'versions', 'codes', 'added', 'retired', 'time'];
  const cells = rows.map((r) => [
    r.service,
    ...(r.ok ? [r.versions, r.codes, r.added, r.retired].map(String) : ['failed', '', '', '']),
    `${(r.time / 1000).toFixed(1)} s`,
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k].length)));
  // The service name reads left to right; numbers and times line up on the right.
  const line = (c: string[]) =>
    c
      .map((text, k) => (k === 0 ? text.padEnd(widths[k]) : text.padStart(widths[k])))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)];
}
