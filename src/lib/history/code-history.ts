import type { RichText } from '../catalogue/catalogue';
import type { CodeHistory } from './history';
import type { Segment } from '../core/template';
import { diffWords, type DiffPart } from './word-diff';
import { earlierWordingAnchor } from '../core/urls';

/** A wording the page shows below the current rows: an earlier message of the code. */
export interface EarlierWording {
  /** Fragment id on the code page: `v3`. */
  id: string;
  statuses: number[];
  message: RichText;
  template: Segment[];
  first: string;
  last: string;
  /** Versions published after its last one: 1 for the version just before the newest. */
  rank: number;
  /** Word changes from this wording to the one the page shows for the same status (or its first row). */
  diff: DiffPart[];
}

/** What a code page shows of the code's history. */
export interface PageHistory {
  introduced: string;
  lastPublished: string;
  retired: boolean;
  added: boolean;
  /** First and last publication of each row the page shows, by its anchor. */
  shown: Record<string, { first: string; last: string }>;
  earlier: EarlierWording[];
}

/** Turns a code's history into what its page shows; `dates` are all version dates, oldest first. */
export function toPageHistory(history: CodeHistory, dates: readonly string[]): PageHistory {
  const shownWordings = history.wordings.filter((w) => w.anchor !== undefined);
  const shown: PageHistory['shown'] = {};
  for (const w of shownWordings) shown[w.anchor!] = { first: w.first, last: w.last };
  const newest = dates.length - 1;
  const earlier = history.wordings.flatMap((w, index): EarlierWording[] => {
    if (w.anchor !== undefined) return [];
    const replacement = shownWordings.find((s) => s.statuses.join('/') === w.statuses.join('/')) ?? shownWordings[0];
    return [{
      id: earlierWordingAnchor(index),
      statuses: w.statuses,
      message: w.message,
      template: w.template,
      first: w.first,
      last: w.last,
      rank: Math.max(1, newest - dates.indexOf(w.last)),
      diff: replacement ? diffWords(w.message.text, replacement.message.text) : [],
    }];
  });
  return {
    introduced: history.introduced,
    lastPublished: history.lastPublished,
    retired: history.retired,
    added: history.added,
    shown,
    earlier,
  };
}
