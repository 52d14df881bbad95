import { describe, expect, it } from 'vitest';
import { newIssueUrl, REPORT_FIELD_LIMIT, reportLinks, tableSourceUrl } from '../../src/lib/pages/report-links.ts';

const ECS_REPOSITORY = {
  url: 'https://github.com/opentelekomcloud-docs/elastic-cloud-server',
  path: 'api-ref/source/appendix/error_codes.rst',
  branch: 'main',
};
const ECS = { name: 'Elastic Cloud Server', short: 'ECS' };

/** The title and body an issue link fills in, decoded as GitHub reads them. */
function filledIn(url: string): { title: string | null; body: string | null; keys: string[] } {
  const { searchParams } = new URL(url);
  return { title: searchParams.get('title'), body: searchParams.get('body'), keys: [...searchParams.keys()] };
}

describe('the links to report a problem with a code', () => {
  it('link ECS’s table on its branch and a new issue about Ecs.0010, exactly', () => {
    expect(
      reportLinks(ECS_REPOSITORY, {
        code: 'Ecs.0010',
        service: ECS,
        pageUrl: 'https://error-codes.example.org/ecs/ecs-0010/',
      }),
    ).toEqual({
      source:
        'https://github.com/opentelekomcloud-docs/elastic-cloud-server/blob/main/api-ref/source/appendix/error_codes.rst',
      issue:
        'https://github.com/opentelekomcloud-docs/elastic-cloud-server/issues/new' +
        '?title=ECS%20error%20code%20Ecs.0010' +
        '&body=Error%20code%3A%20Ecs.0010%0A' +
        'Service%3A%20Elastic%20Cloud%20Server%20(ECS)%0A' +
        'Table%3A%20api-ref%2Fsource%2Fappendix%2Ferror_codes.rst%0A' +
        'Page%3A%20https%3A%2F%2Ferror-codes.example.org%2Fecs%2Fecs-0010%2F%0A%0A' +
        'What%20is%20wrong%20or%20missing%20(the%20message%2C%20the%20description%2C%20the%20solution%2C%20the%20status)%3F%0A',
      label: 'opentelekomcloud-docs/elastic-cloud-server',
    });
  });

  it('fill in a title and body that read as plain lines', () => {
    const { title, body } = filledIn(
      newIssueUrl(ECS_REPOSITORY, { code: 'Ecs.0010', service: ECS, pageUrl: 'https://x.example/ecs/ecs-0010/' }),
    );
    expect(title).toBe('ECS error code Ecs.0010');
    expect(body).toBe(
      [
        'Error code: Ecs.0010',
        'Service: Elastic Cloud Server (ECS)',
        'Table: api-ref/source/appendix/error_codes.rst',
        'Page: https://x.example/ecs/ecs-0010/',
        '',
        'What is wrong or missing (the message, the description, the solution, the status)?',
        '',
      ].join('\n'),
    );
  });

  it('name HEAD, the default branch, when service.json names no branch, and encode each segment of the path', () => {
    expect(tableSourceUrl({ url: 'https://github.com/o/r', path: 'api ref/é#1?.rst' })).toBe(
      'https://github.com/o/r/blob/HEAD/api%20ref/%C3%A9%231%3F.rst',
    );
    expect(tableSourceUrl({ url: 'https://github.com/o/r', path: 'a/b.rst', branch: 'release/2024' })).toBe(
      'https://github.com/o/r/blob/release/2024/a/b.rst',
    );
  });
});

describe('an issue link from hostile text', () => {
  const hostileCode = 'Ecs.1&labels=bug#frag\n\nInjected: <script>alert(1)</script>';
  const url = newIssueUrl(ECS_REPOSITORY, {
    code: hostileCode,
    service: { name: 'Elastic\r\nCloud & Server ?title=x', short: 'E%CS' },
    pageUrl: 'https://error-codes.example.org/ecs/x/',
  });

  it('adds no parameter, fragment or markup to the link: every character of a code or name is encoded', () => {
    expect(filledIn(url).keys).toEqual(['title', 'body']);
    expect(new URL(url).hash).toBe('');
    expect(url).not.toMatch(/[<>\s#"]/);
    expect(url).toContain('Ecs.1%26labels%3Dbug%23frag%20Injected%3A%20%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  });

  it('keeps each text on its one line: line breaks and controls in a code or name become spaces', () => {
    const { title, body } = filledIn(url);
    expect(title).toBe('E%CS error code Ecs.1&labels=bug#frag Injected: <script>alert(1)</script>');
    expect(body!.split('\n').slice(0, 2)).toEqual([
      'Error code: Ecs.1&labels=bug#frag Injected: <script>alert(1)</script>',
      'Service: Elastic Cloud & Server ?title=x (E%CS)',
    ]);
    expect(
      filledIn(newIssueUrl(ECS_REPOSITORY, { code: 'A\u0000B\u0085C\u2028D', service: ECS, pageUrl: 'u' })).title,
    ).toBe('ECS error code A B C D');
  });

  it(`cuts a code or name longer than ${REPORT_FIELD_LIMIT} characters, never inside a character, and bounds the link`, () => {
    const long = newIssueUrl(ECS_REPOSITORY, {
      code: '🙂'.repeat(1000),
      service: { name: '名'.repeat(1000), short: '\uD800'.repeat(1000) },
      pageUrl: `https://error-codes.example.org/ecs/${'a'.repeat(1000)}/`,
    });
    const { title, body } = filledIn(long);
    expect(title).toBe(
      `${'\uFFFD'.repeat(REPORT_FIELD_LIMIT - 1)}… error code ${'🙂'.repeat(REPORT_FIELD_LIMIT - 1)}…`,
    );
    expect(body!.split('\n')[0]).toBe(`Error code: ${'🙂'.repeat(REPORT_FIELD_LIMIT - 1)}…`);
    expect(body!.split('\n')[1]).toBe(`Service: ${'名'.repeat(REPORT_FIELD_LIMIT * 2 - 1)}…`);
    expect(body!.split('\n')[3]).toHaveLength('Page: '.length + 300);
  });

  it('stays under 8,000 characters (GitHub answers a longer URL with 414) with every text at its longest', () => {
    const emoji = '🙂'.repeat(1000);
    const longest = newIssueUrl(
      { url: `https://github.com/${'o'.repeat(39)}/${'r'.repeat(100)}`, path: emoji, branch: 'main' },
      {
        code: emoji,
        service: { name: emoji, short: emoji },
        pageUrl: new URL(`https://${'e'.repeat(60)}.example/${emoji}/`).href,
      },
    );
    expect(longest.length).toBeLessThan(8000);
  });
});
