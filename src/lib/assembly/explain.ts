import type { CodeEntry } from '../catalogue/catalogue.ts';
import { codeKey } from '../core/code-identity.ts';
import { anchoredPath, codePath, normalizeSiteUrl } from '../core/urls.ts';
import type { CodePage } from '../pages/code-pages.ts';
import { exportCode, exportMessage, type ExportMessage, type ExportVariant } from '../export/export.ts';
import { indexCodeJsonPaths } from '../export/export-shards.ts';
import { buildLookupIndex, type DirectHit } from '../lookup/direct-hits.ts';
import { buildSiteLookup } from '../lookup/lookup-data.ts';
import { MAX_INPUT, type MatchResult } from '../lookup/matcher.ts';
import { resolveLookup, type LookupOutcome, type NearCode, type PointedService } from '../lookup/resolve.ts';
import type { ServiceModel } from './assemble.ts';
import { lookupSource } from './data-files.ts';

/**
 * A table row of a hit, with the values the pasted message filled in (none when it was not matched). When the
 * input matched an earlier wording of the code, the row is that wording (anchor `v<n>`, no `line`; description
 * and solution of the row that replaced it) and `earlier` says when it was published and what replaced it.
 */
export type ExplainRow = Omit<ExportVariant, 'line'> & {
  /** Line of the row in the service's source file; absent for an earlier wording. */
  line?: number;
  values: string[];
  earlier?: {
    /** Dates of the first and last version of the table with this wording. */
    first: string;
    last: string;
    /** The row the code page shows for the same status (else its first row): today's wording, or a retired code's last. */
    today: { status?: number; anchor: string; url: string; message: ExportMessage };
  };
};

/** A code the input names or whose message it holds, with the rows that explain it. */
export interface ExplainHit {
  service: { id: string; name: string; short: string };
  code: string;
  /** The code page; each row also has its own URL. */
  url: string;
  /** The code's JSON document: its export file with `#/codes/<code>` (as `json` in errors.json). */
  json: string;
  /** How the input points at the code: its code, its message, or both (a JSON body). */
  via: MatchResult['via'];
  /** The rows to show: the matched ones, else those with the asked status, else all. */
  rows: ExplainRow[];
  /** How many rows the table has for the code (rows can show fewer). */
  tableRows: number;
  /** Said when a status was asked for and no shown row has it. */
  note?: string;
  /** Set when the newest version of the table no longer has the code: when it was last published, and the newest date. */
  retired?: { lastPublished: string; current: string };
  /** Other services that have the code with rows reading the same: one answer, published by each. */
  alsoIn?: { service: string; short: string; url: string }[];
}

/** What `npm run explain` answers: the site's lookup answer for the input, with each hit's rows in full. */
export interface ExplainAnswer {
  /** The lookup's outcome: one answer (`go`), a chooser (`choose`), a code no table lists, or no match (`search`). */
  kind: LookupOutcome['kind'];
  hits: ExplainHit[];
  /** For `go`: what in the text chose the service among others that have the code. */
  because?: string[];
  /** For `choose`: what the text could not tell apart. */
  undecided?: string;
  /** For `unknown-code`: the code, the services it points to, the message the text carried, the codes nearest to it. */
  unknown?: { code: string; services: PointedService[]; message?: string; nearest: NearCode[] };
}

/** What an input may add to the text: a status to prefer, a service to keep to. */
export interface ExplainOptions {
  status?: number;
  service?: string;
}

/**
 * The site's lookup over a set of services, with its data built once: `answer` for a pasted text, `rowsOfCode` for a
 * code asked for by name. For a caller that answers many inputs (`npm run mcp`); `explainAnswer` answers one.
 */
export interface Explainer {
  /** Answers an input as the site's lookup does (`explainAnswer`). */
  answer(input: string, options?: ExplainOptions): ExplainAnswer;
  /**
   * Every row of a code in any spelling (`ECS-0010`), one hit per service that has it, in the order of the
   * services (of `service` alone when given); none when no table lists it.
   */
  rowsOfCode(code: string, options?: Pick<ExplainOptions, 'service'>): ExplainHit[];
}

/** Builds the lookup data of these services once and answers from it, as `explainAnswer` does. */
export function createExplainer(services: readonly ServiceModel[], siteUrl: string): Explainer {
  const site = normalizeSiteUrl(siteUrl);
  const byPath = new Map<string, Found>();
  const byKey = new Map<string, Found[]>();
  const jsonPaths = indexCodeJsonPaths(services.flatMap((s) => s.catalogue.entries));
  for (const service of services) {
    const pages = new Map(service.pages.map((p) => [p.entry.code, p]));
    for (const entry of service.catalogue.entries) {
      const path = codePath(entry);
      const found = { service, entry, page: pages.get(entry.code), jsonPath: jsonPaths.get(path)! };
      byPath.set(path, found);
      const key = codeKey(entry.code);
      byKey.set(key, [...(byKey.get(key) ?? []), found]);
    }
  }
  const lookup = buildSiteLookup(services.map(lookupSource));
  const index = buildLookupIndex(lookup.data, undefined, lookup.clues);

  const answer = (input: string, options: ExplainOptions = {}): ExplainAnswer => {
    const outcome = resolveLookup(
      { q: input.slice(0, MAX_INPUT), status: options.status, service: options.service },
      index,
    );
    const hitsOf = (hits: readonly DirectHit[]) =>
      hits.flatMap((hit) => {
        const found = byPath.get(hit.path);
        return found ? [toHit(found, hit, site, options.status)] : [];
      });
    switch (outcome.kind) {
      case 'go':
        return { kind: 'go', hits: hitsOf([outcome.hit]), ...(outcome.because ? { because: outcome.because } : {}) };
      case 'choose':
        return { kind: 'choose', hits: hitsOf(outcome.hits), undecided: outcome.undecided };
      case 'unknown-code': {
        const { kind, hits, ...unknown } = outcome;
        return { kind, hits: hitsOf(hits), unknown };
      }
      default:
        return { kind: outcome.kind, hits: [] };
    }
  };
  const rowsOfCode = (code: string, options: Pick<ExplainOptions, 'service'> = {}): ExplainHit[] =>
    (byKey.get(codeKey(code)) ?? [])
      .filter((found) => options.service === undefined || found.service.catalogue.id === options.service)
      .map((found) => toHit(found, { reason: 'code', values: [] }, site));
  return { answer, rowsOfCode };
}

/**
 * Answers an input as the site's lookup does (`resolveLookup` over the same lookup data: every wording of a table
 * with history, the services' clues), with the rows of each hit as the export gives them.
 */
export function explainAnswer(
  input: string,
  services: readonly ServiceModel[],
  siteUrl: string,
  options: ExplainOptions = {},
): ExplainAnswer {
  return createExplainer(services, siteUrl).answer(input, options);
}

/** The hits of `explainAnswer`: the codes an input points at, best first. */
export function explain(
  input: string,
  services: readonly ServiceModel[],
  siteUrl: string,
  options: ExplainOptions = {},
): ExplainHit[] {
  return explainAnswer(input, services, siteUrl, options).hits;
}

/** A code of a service as a hit needs it: its page (with its history) and the site path of its JSON document. */
interface Found {
  service: ServiceModel;
  entry: CodeEntry;
  page?: CodePage;
  jsonPath: string;
}

/**
 * One hit with the rows to show: the row the input selects (the matched message, or the asked status among
 * several), else the rows with the asked status, else every row. An earlier wording shows with today's row.
 */
function toHit(
  { service, entry, page, jsonPath }: Found,
  hit: Pick<DirectHit, 'anchor' | 'values' | 'reason' | 'alsoIn'>,
  site: string,
  status?: number,
): ExplainHit {
  const exported = exportCode(entry, { categories: [], site, jsonPath });
  const values = hit.values;
  const selected = hit.anchor === undefined ? undefined : exported.variants.find((v) => v.anchor === hit.anchor);
  const wording =
    hit.anchor === undefined || selected ? undefined : page?.history?.earlier.find((w) => w.id === hit.anchor);
  let rows: ExplainRow[];
  if (selected) rows = [{ ...selected, values }];
  else if (wording) {
    const today = exported.variants.find((v) => v.status === wording.statuses[0]) ?? exported.variants[0];
    const { line: _line, status: _status, statuses: _statuses, ...rest } = today;
    rows = [
      {
        ...(wording.statuses.length > 0 ? { status: wording.statuses[0] } : {}),
        ...(wording.statuses.length > 1 ? { statuses: wording.statuses } : {}),
        ...rest,
        anchor: wording.id,
        url: anchoredPath(exported.url, wording.id),
        message: exportMessage(wording),
        values,
        earlier: {
          first: wording.first,
          last: wording.last,
          today: { status: today.status, anchor: today.anchor, url: today.url, message: today.message },
        },
      },
    ];
  } else {
    const withStatus = exported.variants.filter((v) => status !== undefined && rowStatuses(v).includes(status));
    rows = (withStatus.length > 0 ? withStatus : exported.variants).map((v) => ({ ...v, values: [] }));
  }
  const explained: ExplainHit = {
    service: { id: service.catalogue.id, name: service.catalogue.name, short: service.catalogue.short },
    code: entry.code,
    url: exported.url,
    json: exported.json,
    via: hit.reason,
    rows,
    tableRows: entry.variants.length,
    ...(hit.alsoIn
      ? { alsoIn: hit.alsoIn.map((a) => ({ service: a.service, short: a.serviceShort, url: `${site}${a.path}` })) }
      : {}),
  };
  if (status !== undefined && !rows.some((r) => rowStatuses(r).includes(status))) {
    const shown =
      selected || wording ? 'the row the message matches' : rows.length === 1 ? 'its only row' : 'every row';
    explained.note = `The table has no HTTP ${status} row for ${entry.code}; showing ${shown}.`;
  }
  if (page?.history?.retired && service.history)
    explained.retired = { lastPublished: page.history.lastPublished, current: service.history.current };
  return explained;
}

/** Every status of an exported row. */
export function rowStatuses(row: Pick<ExportVariant, 'status' | 'statuses'>): number[] {
  return row.statuses ?? (row.status === undefined ? [] : [row.status]);
}
