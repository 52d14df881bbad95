/** Writes small RST grid tables for tests, so a test states its cells and not their borders. */

/**
 * A grid table with a header row and one row per array of cells; a cell's `\n` starts a new line of it. Each
 * column is as wide as its longest line, with a space on either side.
 */
export function gridTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = (cell: string) => cell.split('\n');
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].flatMap((row) => lines(row[i]).map((l) => l.length))),
  );
  const border = (fill: string) => `+${widths.map((w) => fill.repeat(w + 2)).join('+')}+`;
  const row = (cells: readonly string[]) => {
    const height = Math.max(...cells.map((cell) => lines(cell).length));
    return Array.from(
      { length: height },
      (_, k) => `|${cells.map((cell, i) => ` ${(lines(cell)[k] ?? '').padEnd(widths[i])} `).join('|')}|`,
    );
  };
  return [border('-'), ...row(header), border('='), ...rows.flatMap((cells) => [...row(cells), border('-')])].join(
    '\n',
  );
}

/** The header of an error table the way ECS's has it. */
export const ERROR_TABLE_HEADER = ['HTTP Status Code', 'Error Code', 'Error Message', 'Description', 'Solution'];
