import { allCodesPath } from '../lib/core/urls.ts';
import { fullServiceName } from '../lib/core/service-name.ts';
import type { DirectHit } from '../lib/lookup/direct-hits.ts';
import type { LookupOutcome } from '../lib/lookup/resolve.ts';

type UnknownCode = Extract<LookupOutcome, { kind: 'unknown-code' }>;

/** Characters of a pasted text quoted back to the user. */
const QUOTE = 160;

/** What the lookup's status line says of an outcome, in one or two sentences. */
export function describeOutcome(outcome: LookupOutcome): string {
  switch (outcome.kind) {
    case 'empty':
      return '';
    case 'go':
      return outcome.because
        ? `This is ${outcome.hit.code} of ${outcome.hit.serviceShort}, by ${outcome.because.join(', ')}.`
        : `This is ${outcome.hit.code}.`;
    case 'choose':
      return `${outcome.undecided} Choose one:`;
    case 'unknown-code':
      return `${outcome.code} is not in this reference.`;
    case 'search':
      return 'No message template matches this text. Pages that mention it:';
  }
}

/**
 * What the lookup knows of a code no table lists, as text: the services its endpoint or prefix points to (each
 * with a link to its codes), the message the text carried, and the codes nearest to it.
 */
export function unknownCodeBlock(outcome: UnknownCode): HTMLElement {
  const block = document.createElement('section');
  block.className = 'lookup-unknown';
  if (outcome.services.length > 0) {
    const p = document.createElement('p');
    p.append('It points to ');
    outcome.services.forEach((s, i) => {
      if (i > 0) p.append('; ');
      p.append(link(allCodesPath(s.service), fullServiceName(s)), `, by ${s.because.join(' and ')}`);
    });
    p.append('.');
    block.append(p);
  } else {
    block.append(paragraph('Neither its prefix nor the text says which service it belongs to.'));
  }
  if (outcome.message) block.append(paragraph(`The message it carried: “${quote(outcome.message)}”`));
  if (outcome.nearest.length > 0) {
    block.append(paragraph(`Codes nearest to ${outcome.code}:`));
    const list = document.createElement('ul');
    list.className = 'search-list lookup-near';
    for (const near of outcome.nearest) {
      const li = document.createElement('li');
      const a = link(near.path, '', 'search-page');
      const title = document.createElement('span');
      title.className = 'search-page-title';
      title.textContent = `${near.code} (${near.serviceShort})`;
      const message = document.createElement('span');
      message.className = 'search-page-excerpt';
      message.textContent = quote(near.message);
      a.append(title, message);
      li.append(a);
      list.append(li);
    }
    block.append(list);
  }
  if (outcome.hits.length > 0) block.append(paragraph('Rows whose message reads like the text, under other codes:'));
  return block;
}

/** The heading of the pages about the message an unknown code's text carried. */
export function aboutMessageHeading(): HTMLElement {
  return paragraph('Pages about the message it carried:');
}

/** A line naming the other services that give the same answer, for a hit several services share. */
export function alsoInLine(hit: DirectHit): string | undefined {
  if (!hit.alsoIn?.length) return undefined;
  return `Also in ${hit.alsoIn.map((a) => a.serviceShort).join(', ')}, reading the same`;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE ? `${line.slice(0, QUOTE - 1)}…` : line;
}

function paragraph(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function link(href: string, text: string, className?: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (className) a.className = className;
  return a;
}
