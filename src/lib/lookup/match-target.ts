import type { Segment } from '../core/template.ts';

// What the matcher matches and what it gives, apart from the matcher so that the modules it is made of can name
// them without importing it.

/** One message template the matcher can recognise: a row of the table (or an earlier wording of one). */
export interface MatchTarget {
  /** The code page. */
  path: string;
  /** The row's fragment on the code page (`http-404`, `v1` for an earlier wording). */
  anchor: string;
  code: string;
  /** Every HTTP status of the row; empty when the table gives none. */
  statuses: number[];
  segments: Segment[];
  /** Lower is preferred when otherwise equal (0 = current wording, higher = older wordings); default 0. */
  rank?: number;
}

/** A target that fits the input, with the text that filled each slot. */
export interface MatchResult {
  target: MatchTarget;
  values: string[];
  via: 'code' | 'message' | 'code+message';
  literal: number;
}
