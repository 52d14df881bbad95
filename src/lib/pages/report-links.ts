import type { Repository } from '../catalogue/service-meta.ts';
import { shortServiceName, fullServiceName, type ServiceNames } from '../core/service-name.ts';

/**
 * The most characters (code points) of a code and of a service's short name that an issue's title and body quote
 * (twice as many of its full name and of the table's path). With the page URL's 300 the whole link stays under
 * 8,000 characters whatever the text, within what GitHub takes (it answers a longer URL with 414).
 */
export const REPORT_FIELD_LIMIT = 64;

/** The most characters of the page URL an issue's body quotes (a site's code page URL is far shorter). */
const PAGE_URL_LIMIT = 300;

/** What a reader reports a problem with: a code of a service, on its page of the site. */
export interface ReportedCode {
  code: string;
  service: ServiceNames;
  /** The code page's absolute URL: `https://error-codes.example.org/ecs/ecs-0010/`. */
  pageUrl: string;
}

/** A code page's links for reporting a problem: the table's source and the repository's new-issue form. */
export interface ReportLinks {
  /** `https://github.com/opentelekomcloud-docs/elastic-cloud-server/blob/main/api-ref/source/appendix/error_codes.rst` */
  source: string;
  /** `https://github.com/opentelekomcloud-docs/elastic-cloud-server/issues/new?title=…&body=…` */
  issue: string;
  /** The repository as a reader recognises it: `opentelekomcloud-docs/elastic-cloud-server`. */
  label: string;
}

/** The links to report a problem with a code, from where service.json says its table is kept. */
export function reportLinks(repository: Repository, reported: ReportedCode): ReportLinks {
  return {
    source: tableSourceUrl(repository),
    issue: newIssueUrl(repository, reported),
    label: repository.url.replace(/^https:\/\/github\.com\//, ''),
  };
}

/**
 * The table's file on GitHub, on its branch (`HEAD`, the default branch, when service.json names none), each segment
 * of the branch and the path percent-encoded: `<repo>/blob/main/api-ref/source/appendix/error_codes.rst`.
 */
export function tableSourceUrl(repository: Repository): string {
  return `${repository.url}/blob/${encodePath(repository.branch ?? 'HEAD')}/${encodePath(repository.path)}`;
}

/**
 * GitHub's form for a new issue in the repository, its title and body filled in: which code of which service, the
 * table's file, and the page. Every text is one line, cut to a bound and percent-encoded, so no code or name can
 * add parameters, lines or length to the link: `<repo>/issues/new?title=ECS%20error%20code%20Ecs.0010&body=…`.
 */
export function newIssueUrl(repository: Repository, { code, service, pageUrl }: ReportedCode): string {
  const shown = oneLine(code, REPORT_FIELD_LIMIT);
  const title = `${oneLine(shortServiceName(service), REPORT_FIELD_LIMIT)} error code ${shown}`;
  const body = [
    `Error code: ${shown}`,
    `Service: ${oneLine(fullServiceName(service), REPORT_FIELD_LIMIT * 2)}`,
    `Table: ${oneLine(repository.path, REPORT_FIELD_LIMIT * 2)}`,
    `Page: ${oneLine(pageUrl, PAGE_URL_LIMIT)}`,
    '',
    'What is wrong or missing (the message, the description, the solution, the status)?',
    '',
  ].join('\n');
  return `${repository.url}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}

/** A path with each segment percent-encoded and its slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * A text as one line of at most `limit` characters (code points): whitespace runs, line breaks included, as one
 * space, and so is any other control character; a lone surrogate (which percent-encoding cannot write) as U+FFFD; a longer text cut with `…`.
 */
function oneLine(text: string, limit: number): string {
  const line = text
    .toWellFormed()
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  const points = [...line];
  return points.length <= limit ? line : `${points.slice(0, limit - 1).join('')}…`;
}
