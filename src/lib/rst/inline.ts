import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { readBlocks } from './inline-blocks.ts';

// The RST of one table cell is read the way docutils 0.19 reads it and built straight into mdast (no RST
// library runs in the browser, and no Markdown or HTML is ever parsed, so cell text cannot inject markup).
// Inline markup follows docutils' Inliner: its start-string search, its end-strings, its standalone URIs.

/** Converts the RST text of a table cell (paragraphs, lists, directives, inline markup) into an mdast tree. */
export function rstToMdast(text: string): Root {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  const plain = readPlainParagraph(lines);
  if (plain !== undefined) return plain;
  return { type: 'root', children: readBlocks(dedent(lines), readPhrasing) };
}

// Text with no markup character, block marker or blank line is one paragraph of plain text: that is most
// cells, and building it directly keeps large tables fast. The result equals the full reader's.
const MARKUP = /[*`\\|_@]|:(?!\s|$)/;
const BLOCK_START =
  /^(?:[-+*\u2022\u2023\u2043](?: |$)|\.\.|>>>|[(#\d]|[a-zA-Z][.)]|[ivxlcdmIVXLCDM]+[.)]|([!-/:-@[-`{-~])\1*$)/;

function readPlainParagraph(lines: string[]): Root | undefined {
  if (lines.some((line) => line === '' || /^\s/.test(line) || MARKUP.test(line))) return undefined;
  if (BLOCK_START.test(lines[0]) || lines.slice(1).some((line) => /^[!-/:-@[-`{-~]+$/.test(line))) return undefined;
  const value = lines.join(' ');
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
}

function dedent(lines: string[]): string[] {
  const filled = lines.filter((line) => line !== '');
  const by = filled.length ? Math.min(...filled.map((line) => line.length - line.trimStart().length)) : 0;
  while (lines.length && lines[0] === '') lines = lines.slice(1);
  return lines.map((line) => line.slice(by));
}

// docutils' character classes: openers and closers (with ASCII quotes and brackets), delimiters, and the
// characters that may follow an end-string. Escaped characters are marked by a NUL in front, as in docutils.
const DELIMITER = String.raw`[\-\/:]|[^\x00-\x7f\P{Pd}]|[^\x00-\x7f\P{Po}]`;
const OPENER = String.raw`["'(<\[{\p{Ps}\p{Pi}\p{Pf}]`;
const CLOSER = String.raw`["')>\]}\p{Pe}\p{Pi}\p{Pf}]`;
const START_PREFIX = String.raw`(?:^|(?<=\s|${OPENER}|${DELIMITER}))`;
const END_SUFFIX = String.raw`(?:$|(?=\s|[\x00\\.,;!?]|${CLOSER}|${DELIMITER}))`;
const NAME = String.raw`[\p{L}\p{N}]+(?:[\-._+:][\p{L}\p{N}]+)*`;

const INITIAL = new RegExp(
  `${START_PREFIX}(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?!\\s)` +
    `|(?<whole>(?<refname>${NAME})(?<refend>__?)|\\[(?<label>[0-9]+|#(?:${NAME})?|\\*|${NAME})(?<fnend>\\]_))${END_SUFFIX}` +
    `|(?<role>(?::${NAME}:)?)(?<backquote>\`(?!\`))(?!\\s))`,
  'du',
);
const endPattern = (end: string, before = String.raw`(?<![\s\x00])`) =>
  new RegExp(`${before}(${end})${END_SUFFIX}`, 'du');
const END = {
  '*': endPattern(String.raw`\*`),
  '**': endPattern(String.raw`\*\*`),
  '``': endPattern('``', String.raw`(?<!\s)`),
  '_`': endPattern('`'),
  '|': endPattern('\\|_{0,2}'),
};
const END_INTERPRETED = new RegExp(
  String.raw`(?<!(?<!\x00)[\s\x00])(${'`'}(?<suffix>(?<role>:${NAME}:)?(?<refend>__?)?))${END_SUFFIX}`,
  'du',
);
const EMBEDDED = /(?:[ \n]+|^)<(?!\s)((?:[^<>]|\x00[<>])+)(?<![\s\x00])>$/u;

const URIC = String.raw`[\-_.!~*'()\[\];\/:@&=+$,%a-zA-Z0-9\x00]`;
const URI_END = String.raw`(?:[_~*\/=+a-zA-Z0-9]|${URIC}(?=>))`;
const EMAILC = String.raw`[\-_!~*'{|}\/#?^${'`'}&=+$%a-zA-Z0-9\x00]`;
const EMAIL = String.raw`${EMAILC}+(?:\.${EMAILC}+)*(?<!\x00)@${EMAILC}+(?:\.${EMAILC}*)*${URI_END}`;
const URI_BODY =
  String.raw`(?<whole>(?<scheme>[a-zA-Z][a-zA-Z0-9.+\-]*):(?:(?:\/\/?)?${URIC}*${URI_END})(?:\?${URIC}*${URI_END})?` +
  String.raw`(?:#${URIC}*${URI_END})?|(?<email>${EMAIL}))`;
const URI = new RegExp(`${START_PREFIX}${URI_BODY}${END_SUFFIX}`, 'u');
const URI_AT_START = new RegExp(`^${URI_BODY}${END_SUFFIX}`, 'u');
const IS_EMAIL = new RegExp(`^${EMAIL}$`, 'u');

// The URI schemes docutils 0.19 recognises in standalone URIs (docutils.utils.urischemes); a word like
// `Note:x` whose "scheme" is not one of them is no URI, and then no URI later in the same text is one either.
const SCHEMES = new Set(
  (
    'about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax feed file finger freenet ' +
    'ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra iioploc ilu im imap info ior ipp irc iris.beep iseek ' +
    'jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp mupdate news ' +
    'nfs nntp opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp rwhois rx sdp service shttp sip ' +
    'sips smb snews snmp soap.beep soap.beeps ssh t120 tag tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi ' +
    'videotex view-source wais whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s'
  ).split(' '),
);

// Only these URLs become links; any other (javascript:, data:, relative) stays text, since cell text is untrusted.
const SAFE_URL = /^(?:https?:\/\/[^\s\x00-\x1f]+|mailto:[^\s\x00-\x1f]+)$/i;

/** Open/close pairs for docutils' "quoted start-string" rule (`"*"` is no emphasis). */
const PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '(': ')',
  '<': '>',
  '[': ']',
  '{': '}',
  '«': '»',
  '»': '»',
  '‘': '’‚',
  '’': '’',
  '‚': '‘’',
  '“': '”„',
  '„': '“”',
  '”': '”',
  '‹': '›',
  '›': '›',
};

/** What one recognised construct leaves: the text before it, its nodes, and the text after it. */
interface Step {
  before: string;
  nodes: PhrasingContent[];
  rest: string;
}

/** Marks each backslash-escaped character with a NUL in front, as docutils does. */
function escapeToNull(text: string): string {
  return text.replace(/\\([\s\S]?)/g, '\x00$1');
}

/** Drops escape marks (an escaped space or newline disappears); `restore` puts the backslashes back instead. */
function unescape(text: string, restore = false): string {
  if (restore) return text.replace(/\x00/g, '\\');
  return text.replace(/\x00[ \n]/g, '').replace(/\x00/g, '');
}

const textNode = (value: string): Text => ({ type: 'text', value });

function linkOrText(url: string, shown: string): PhrasingContent {
  if (!SAFE_URL.test(url)) return textNode(shown);
  const link: Link = { type: 'link', title: null, url, children: [textNode(shown)] };
  return link;
}

/** Reads the inline markup of one paragraph (or line, or term) as docutils' Inliner does. */
export function readPhrasing(text: string): PhrasingContent[] {
  let remaining = escapeToNull(text);
  const result: PhrasingContent[] = [];
  let unprocessed = '';
  while (remaining) {
    const match = INITIAL.exec(remaining);
    if (!match) break;
    const step = readConstruct(match, remaining);
    unprocessed += step.before;
    if (step.nodes.length) {
      result.push(...readStandaloneUris(unprocessed), ...step.nodes);
      unprocessed = '';
    }
    remaining = step.rest;
  }
  result.push(...readStandaloneUris(unprocessed + remaining));
  return mergeTexts(result);
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && node.value === '') continue;
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else merged.push(node);
  }
  return merged;
}

function span(match: RegExpExecArray, group: string): [number, number] {
  return match.indices!.groups![group]!;
}

/** Whether a start-string sits between a matching pair (`"*"`, `(*)`), which docutils reads as text. */
function isQuotedStart(string: string, start: number, end: number): boolean {
  if (start === 0) return false;
  if (end >= string.length) return true;
  return PAIRS[string[start - 1]]?.includes(string[end]) ?? false;
}

function readConstruct(match: RegExpExecArray, string: string): Step {
  const groups = match.groups!;
  if (groups.backquote) return readInterpreted(match, string);
  if (groups.start) return readInlineObject(match, string, groups.start as keyof typeof END);
  const [start, end] = span(match, 'whole');
  const before = string.slice(0, start);
  const rest = string.slice(end);
  // A reference to a target, footnote or citation defined elsewhere on the page: its name (`[1]` for notes).
  if (groups.fnend) return { before, nodes: [textNode(`[${unescape(groups.label)}]`)], rest };
  return { before, nodes: [textNode(unescape(groups.refname))], rest };
}

function readInlineObject(match: RegExpExecArray, string: string, start: keyof typeof END): Step {
  const [matchStart, matchEnd] = span(match, 'start');
  if (isQuotedStart(string, match.index, match.index + match[0].length)) {
    return { before: string.slice(0, matchEnd), nodes: [], rest: string.slice(matchEnd) };
  }
  const tail = string.slice(matchEnd);
  const end = END[start].exec(tail);
  if (!end || end.indices![1]![0] === 0) {
    // A start-string without end-string is shown as written, and reading goes on after it.
    return {
      before: string.slice(0, matchStart),
      nodes: [textNode(unescape(string.slice(matchStart, matchEnd), true))],
      rest: tail,
    };
  }
  const content = tail.slice(0, end.indices![1]![0]);
  const textEnd = matchEnd + end.indices![1]![1];
  const rest = string.slice(textEnd);
  const before = string.slice(0, matchStart);
  const shown = unescape(content);
  let node: PhrasingContent;
  if (start === '**') node = { type: 'strong', children: [textNode(shown)] };
  else if (start === '*') node = { type: 'emphasis', children: [textNode(shown)] };
  else if (start === '``') node = { type: 'inlineCode', value: unescape(content, true) };
  // An inline target shows its text; a substitution with no definition in the cell shows as written.
  else if (start === '_`') node = textNode(shown);
  else node = textNode(unescape(string.slice(matchStart, textEnd), true));
  return { before, nodes: [node], rest };
}

function readInterpreted(match: RegExpExecArray, string: string): Step {
  const [matchStart, matchEnd] = span(match, 'backquote');
  const roleStart = span(match, 'role')[0];
  let role = match.groups!.role ? match.groups!.role.slice(1, -1) : undefined;
  if (role === undefined && isQuotedStart(string, match.index, match.index + match[0].length)) {
    return { before: string.slice(0, matchEnd), nodes: [], rest: string.slice(matchEnd) };
  }
  const tail = string.slice(matchEnd);
  const end = END_INTERPRETED.exec(tail);
  if (!end || end.indices![1]![0] === 0) {
    return { before: string.slice(0, matchStart), nodes: [textNode('`')], rest: tail };
  }
  const textEnd = matchEnd + end.index + end[0].length;
  const problem = (): Step => ({
    before: string.slice(0, roleStart),
    nodes: [textNode(unescape(string.slice(roleStart, textEnd), true))],
    rest: string.slice(textEnd),
  });
  if (end.groups!.role) {
    // Both a prefix and a suffix role: docutils shows the whole thing as written.
    if (role !== undefined) return problem();
    role = end.groups!.role.slice(1, -1);
  }
  const escaped = tail.slice(0, end.indices![1]![0]);
  if (end.groups!.refend) {
    if (role !== undefined) return problem();
    return { before: string.slice(0, matchStart), nodes: [readPhraseReference(escaped)], rest: string.slice(textEnd) };
  }
  const rawsource = unescape(string.slice(roleStart, textEnd), true);
  return {
    before: string.slice(0, roleStart),
    nodes: [readRole(role ?? '', escaped, rawsource)],
    rest: string.slice(textEnd),
  };
}

/** `` `text <https://x>`_ `` is a link to that URL (if safe); `` `text`_ `` or `` `text <name_>`_ `` shows its text. */
function readPhraseReference(escaped: string): PhrasingContent {
  const embedded = EMBEDDED.exec(escaped);
  if (!embedded) return textNode(unescape(escaped));
  let text = escaped.slice(0, embedded.index);
  const alias = embedded[1];
  const isName = alias.endsWith('_') && !(unescape(alias, true).endsWith('\\_') || URI_AT_START.test(alias));
  if (isName) {
    if (!text) text = unescape(alias.slice(0, -1)).toLowerCase().replace(/\s+/g, ' ').trim();
    return textNode(unescape(text));
  }
  let url = unescape(
    alias
      .split(/\x00[ \n]/)
      .map((part) => part.replace(/\s+/g, ''))
      .join(' '),
  );
  if (IS_EMAIL.test(url)) url = `mailto:${url}`;
  if (url.endsWith('\\_')) url = `${url.slice(0, -2)}_`;
  return linkOrText(url, text ? unescape(text) : url.replace(/^mailto:/, ''));
}

const EXPLICIT_TITLE = /^(.+?)\s*(?<!\x00)<(.*?)>$/su;

/** Reads interpreted text: docutils' standard roles, and any other role as the text Sphinx shows for it. */
function readRole(role: string, escaped: string, rawsource: string): PhrasingContent {
  const text = unescape(escaped);
  switch (role.toLowerCase()) {
    case '':
    case 'title-reference':
    case 'title':
    case 't':
      // docutils: title_reference (HTML <cite>); mdast has no cite, so emphasis rendered as <cite>.
      return { type: 'emphasis', data: { hName: 'cite' }, children: [textNode(text)] };
    case 'emphasis':
      return { type: 'emphasis', children: [textNode(text)] };
    case 'strong':
      return { type: 'strong', children: [textNode(text)] };
    case 'literal':
      return { type: 'inlineCode', value: text };
    case 'code':
      return { type: 'inlineCode', value: unescape(escaped, true) };
    case 'sup':
    case 'superscript':
      return { type: 'emphasis', data: { hName: 'sup' }, children: [textNode(text)] };
    case 'sub':
    case 'subscript':
      return { type: 'emphasis', data: { hName: 'sub' }, children: [textNode(text)] };
    case 'math':
      return textNode(unescape(escaped, true));
    case 'pep-reference':
    case 'pep':
      return textNode(`PEP ${text}`);
    case 'rfc-reference':
    case 'rfc':
      return textNode(`RFC ${text}`);
    case 'raw':
      return textNode(rawsource);
    default: {
      // Sphinx cross-references (:ref:, :doc:, :term: ...): `Title <target>` shows Title, else the target.
      const titled = EXPLICIT_TITLE.exec(escaped);
      let shown = unescape(titled ? titled[1] : escaped);
      if (shown.startsWith('!')) shown = shown.slice(1);
      else if (shown.startsWith('~')) shown = shown.slice(1).split('.').pop()!;
      return textNode(shown);
    }
  }
}

/** Finds standalone URIs and e-mail addresses in plain text, as docutils does (safe ones become links). */
function readStandaloneUris(text: string): PhrasingContent[] {
  if (!text) return [];
  const match = URI.exec(text);
  if (match) {
    const { scheme, whole, email } = match.groups!;
    if (!scheme || SCHEMES.has(scheme.toLowerCase())) {
      const url = (email ? 'mailto:' : '') + unescape(whole);
      return [
        ...readStandaloneUris(text.slice(0, match.index)),
        linkOrText(url, unescape(whole)),
        ...readStandaloneUris(text.slice(match.index + match[0].length)),
      ];
    }
  }
  return [textNode(unescape(text))];
}
