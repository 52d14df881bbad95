import type { CodeEntry } from './catalogue';
import { codePath } from './code-pages';
import type { MatchTarget } from './matcher';
import { parseTemplate } from './template';

/** What the browser loads to match pasted text to codes: a service's codes and their messages. */
export interface LookupData {
  service: string;
  name: string;
  short: string;
  codes: LookupCode[];
}

/** A code in the lookup data. */
export interface LookupCode {
  code: string;
  path: string;
  /** One per table row: [status, anchor, plain-text message template]. */
  variants: [number, string, string][];
}

/** Builds a service's lookup data from its codes. */
export function buildLookupData(
  service: { id: string; name: string; short: string },
  entries: readonly CodeEntry[],
): LookupData {
  return {
    service: service.id,
    name: service.name,
    short: service.short,
    codes: entries.map((e) => ({
      code: e.code,
      path: codePath(e),
      variants: e.variants.map((v) => [v.status, v.anchor, v.message.text]),
    })),
  };
}

/** Turns lookup data into matcher targets; a target's id is `<path>#<anchor>`. */
export function toMatchTargets(data: LookupData): MatchTarget[] {
  return data.codes.flatMap((c) =>
    c.variants.map(([status, anchor, message]) => ({
      id: `${c.path}#${anchor}`,
      code: c.code,
      status,
      segments: parseTemplate(message),
    })),
  );
}
