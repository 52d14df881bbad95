/** A count with its noun, in the plural unless it is one: `1 problem`, `3 problems`, `0 results`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
