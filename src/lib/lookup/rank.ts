/** Ranking matches: a matching message first, then the asked status, the most specific, the newest wording. */
import type { MatchResult } from './match-target.ts';
/** Results with a matching message first, then the requested status, then specific, rank, code, page, row. */
export function compareResults(status: number | undefined) {
  const viaOrder = (r: MatchResult) => (r.via === 'code' ? 1 : 0);
  const statusOrder = (r: MatchResult) => (status !== undefined && !r.target.statuses.includes(status) ? 1 : 0);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: MatchResult, b: MatchResult) =>
    viaOrder(a) - viaOrder(b) ||
    statusOrder(a) - statusOrder(b) ||
    b.literal - a.literal ||
    (a.target.rank ?? 0) - (b.target.rank ?? 0) ||
    text(a.target.code, b.target.code) ||
    text(a.target.path, b.target.path) ||
    text(a.target.anchor, b.target.anchor);
}
