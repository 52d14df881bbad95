/** Reason phrases for the HTTP statuses an error table may use (RFC 9110 and common extensions). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
};

/** The reason phrase of an HTTP status (`404` -> `Not Found`), or a generic class name. */
export function describeStatus(status: number): string {
  if (REASONS[status]) return REASONS[status];
  if (status >= 500) return 'Server error';
  if (status >= 400) return 'Client error';
  if (status >= 300) return 'Redirection';
  return 'Success';
}

/** What a row shows for its status: a badge (`HTTP 400`, `HTTP 400/404/500`, `n/a`), its reason phrase, and the class (`4`) that colours it. */
export function statusBadge(row: { statuses: readonly number[]; statusText?: string }): {
  badge: string;
  reason: string;
  statusClass: string;
} {
  const [first] = row.statuses;
  if (first === undefined) return { badge: row.statusText ?? 'No HTTP status', reason: '', statusClass: '' };
  const badge =
    row.statusText && !/^\d{3}(?: [A-Za-z][A-Za-z' -]*)?$/.test(row.statusText)
      ? row.statusText
      : `HTTP ${row.statuses.join('/')}`;
  const reasons = [...new Set(row.statuses.map(describeStatus))];
  return { badge, reason: reasons.join(' / '), statusClass: String(first)[0] };
}
