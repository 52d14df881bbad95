import { codeKey, decidesInText, findCodesInText, learnShapes } from '../core/code-identity.ts';
import { compile, indexByRarestWord, type Compiled } from './compile.ts';
import { fold, WORD, type Folded } from './fold.ts';
import { MAX_INPUT, readJsonFields } from './input-fields.ts';
import { compareResults } from './rank.ts';
import { firstMatch } from './scan.ts';

export { MAX_INPUT } from './input-fields.ts';

import type { MatchResult, MatchTarget } from './match-target.ts';

export type { MatchResult, MatchTarget };

/** Hints the caller knows besides the pasted text. */
export interface MatchOptions {
  status?: number;
  code?: string;
  /**
   * The text is a message (a `?message=` link), not a paste: it is not read as a code as a whole, and a name
   * inside it decides only when no message matches (`TooManyRequests` is a code and another code's message).
   */
  asMessage?: boolean;
}

/** Finds the table rows that explain a pasted error message, JSON body or log line. */
export interface Matcher {
  match(input: string, options?: MatchOptions): MatchResult[];
}

/** Whether a template's literals, letters and digits only, are (part of) a code name (`Access denied.` of `accessdenied`). */
function spellsName(c: Compiled, key: string): boolean {
  const letters = c.pieces
    .map((p) => ('lit' in p ? p.lit : ''))
    .join('')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return letters !== '' && key.replace(/[^\p{L}\p{N}]+/gu, '').includes(letters);
}

/** Compiles message templates once into a matcher for codes, messages, JSON bodies and log lines. */
export function createMatcher(targets: readonly MatchTarget[]): Matcher {
  const compiled = targets.map(compile);
  const byCode = new Map<string, Compiled[]>();
  // Codes in pasted text are recognised by the shapes of the codes the matcher knows.
  const shapes = learnShapes(targets.map((t) => t.code));
  for (const c of compiled) {
    const key = codeKey(c.target.code);
    const variants = byCode.get(key) ?? [];
    byCode.set(key, variants);
    variants.push(c);
  }
  const { index, unindexed } = indexByRarestWord(compiled.filter((c) => c.first >= 0));

  function candidates(texts: readonly Folded[]): Set<Compiled> {
    const found = new Set(unindexed);
    const seen = new Set<string>();
    for (const text of texts) {
      for (const [word] of text.norm.matchAll(WORD)) {
        if (seen.has(word)) continue;
        seen.add(word);
        for (const c of index.get(word) ?? []) found.add(c);
      }
    }
    return found;
  }

  return {
    match(input, options = {}) {
      const raw = input.slice(0, MAX_INPUT);
      if (raw.trim() === '') return [];
      const fields = readJsonFields(raw);
      const texts = (fields.messages.length > 0 ? fields.messages : [raw]).map(fold).filter((t) => t.end > 0);
      // The caller's code, then JSON code fields, the whole paste as a code, codes with a number in the text.
      // A name found inside the text (`AccessDenied`) decides after message matching, which may show that
      // the name is part of another code's message (`itemNotFound: xxx could not be found.`).
      const codes = [options.code ?? '', ...fields.codes, raw.length <= 200 && !options.asMessage ? raw : ''].map(
        codeKey,
      );
      const inText = findCodesInText(raw, shapes).map((found) => found.key);
      const named = inText.filter(decidesInText);
      const key = [...codes, ...named].find((k) => k !== '' && byCode.has(k));
      const sort = compareResults(options.status);
      const byKey = (found: string) =>
        (byCode.get(found) ?? [])
          .map((c): MatchResult => {
            const values = c.first >= 0 ? firstMatch(c, texts, false) : null;
            return {
              target: c.target,
              values: values ?? [],
              via: values ? 'code+message' : 'code',
              literal: c.literal,
            };
          })
          .sort(sort);

      if (key !== undefined) return byKey(key);

      const matched: { c: Compiled; values: string[] }[] = [];
      for (const c of candidates(texts)) {
        const values = firstMatch(c, texts, c.weak);
        if (values) matched.push({ c, values });
      }
      const strong = matched.filter((m) => !m.c.weak);
      const pool = strong.length > 0 ? strong : matched;
      // A name some table has as a code (`AccessDenied`) standing in the text is that code when the messages
      // that matched only spell the name out (FunctionGraph's "Access denied."); a message that says more
      // (`itemNotFound: Subnet s-1 does not exist.`, a message of another code) keeps its place.
      const hinted = inText.find((k) => byCode.has(k));
      if (hinted !== undefined && pool.every((m) => !options.asMessage && spellsName(m.c, hinted)))
        return byKey(hinted);
      const best = Math.max(...pool.map((m) => m.c.literal));
      return pool
        .filter((m) => m.c.literal === best)
        .map((m): MatchResult => ({ target: m.c.target, values: m.values, via: 'message', literal: m.c.literal }))
        .sort(sort);
    },
  };
}
