import { NO_CLUES } from '../support/clues.ts';
import { describe, expect, it } from 'vitest';
import type { CodeEntry, ServiceCatalogue } from '../../src/lib/catalogue/catalogue.ts';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { readEditorial } from '../../src/lib/catalogue/editorial.ts';

const FILE = 'content/ecs/categories.json';

function catalogueOf(codes: readonly string[]): ServiceCatalogue {
  const entries = codes.map((code): CodeEntry => ({
    service: 'ecs',
    code,
    slug: code.toLowerCase().replace('.', '-'),
    prefix: 'Ecs',
    number: code.slice(4),
    line: 1,
    variants: [],
  }));
  return {
    id: 'ecs',
    name: 'ECS',
    short: 'ECS',
    summary: '',
    clues: NO_CLUES,
    file: 'content/ecs/error-codes.rst',
    notes: [],
    entries,
  };
}

const CATALOGUE = catalogueOf(['Ecs.0001', 'Ecs.0010']);

/** Line and column (1-based) of the n-th occurrence (0-based) of a needle, computed from the fixture text. */
function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`the fixture has fewer than ${nth + 1} occurrences of ${needle}`);
  }
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

describe('reading categories.json', () => {
  it('reads families and topics, filling in empty summaries', () => {
    const text = json({
      families: [{ slug: '00xx', range: [0, 99], title: 'Requests' }],
      topics: [{ slug: 'network', title: 'Network', codes: ['Ecs.0010'] }],
    });
    const { editorial, diagnostics } = readEditorial(text, FILE, CATALOGUE);
    expect(diagnostics).toEqual([]);
    expect(editorial).toEqual({
      families: [{ slug: '00xx', range: [0, 99], title: 'Requests', summary: '' }],
      topics: [{ slug: 'network', title: 'Network', summary: '', codes: ['Ecs.0010'] }],
    });
  });

  it('reports a code that the table does not have, at the place the file names it', () => {
    const text = json({
      topics: [
        { slug: 'network', title: 'Network', codes: ['Ecs.0010'] },
        { slug: 'x', title: 'X', codes: ['Ecs.0001', 'Ecs.9999'] },
      ],
    });
    const { diagnostics } = readEditorial(text, FILE, CATALOGUE);
    const { line, column } = positionOf(text, '"Ecs.9999"');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${FILE}:${line}:${column}: topic "x" lists Ecs.9999, which is not in content/ecs/error-codes.rst`,
    ]);
    expect(line).toBeGreaterThan(1);
  });

  it('reports every unknown code, not only the first', () => {
    const text = json({ topics: [{ slug: 'x', title: 'X', codes: ['Ecs.9998', 'Ecs.0001', 'Ecs.9999'] }] });
    const { diagnostics } = readEditorial(text, FILE, CATALOGUE);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        positionOf(text, '"Ecs.9998"').line,
        positionOf(text, '"Ecs.9998"').column,
        'topic "x" lists Ecs.9998, which is not in content/ecs/error-codes.rst',
      ],
      [
        positionOf(text, '"Ecs.9999"').line,
        positionOf(text, '"Ecs.9999"').column,
        'topic "x" lists Ecs.9999, which is not in content/ecs/error-codes.rst',
      ],
    ]);
  });

  it("locates an unknown code listed by two topics at each topic's own mention", () => {
    const text = json({
      topics: [
        { slug: 'a', title: 'A', codes: ['Ecs.9999'] },
        { slug: 'b', title: 'B', codes: ['Ecs.9999'] },
      ],
    });
    const { diagnostics } = readEditorial(text, FILE, CATALOGUE);
    const [first, second] = [positionOf(text, '"Ecs.9999"', 0), positionOf(text, '"Ecs.9999"', 1)];
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${FILE}:${first.line}:${first.column}: topic "a" lists Ecs.9999, which is not in content/ecs/error-codes.rst`,
      `${FILE}:${second.line}:${second.column}: topic "b" lists Ecs.9999, which is not in content/ecs/error-codes.rst`,
    ]);
  });

  it('reports a topic slug used twice, at the second use', () => {
    const text = json({
      topics: [
        { slug: 'network', title: 'Network', codes: [] },
        { slug: 'network', title: 'Network again', codes: [] },
      ],
    });
    const { diagnostics } = readEditorial(text, FILE, CATALOGUE);
    const { line, column } = positionOf(text, '"network"', 1);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${FILE}:${line}:${column}: topic slug "network" is used twice`,
    ]);
  });

  it('reports a family slug used twice', () => {
    const text = json({
      families: [
        { slug: '00xx', range: [0, 99], title: 'A' },
        { slug: '00xx', range: [100, 199], title: 'B' },
      ],
    });
    const { diagnostics } = readEditorial(text, FILE, CATALOGUE);
    expect(diagnostics.map((d) => d.message)).toEqual(['family slug "00xx" is used twice']);
  });

  it('allows a topic and a family to share a slug, since their paths differ', () => {
    const text = json({
      families: [{ slug: 'disks', range: [0, 99], title: 'A' }],
      topics: [{ slug: 'disks', title: 'Disks', codes: [] }],
    });
    expect(readEditorial(text, FILE, CATALOGUE).diagnostics).toEqual([]);
  });

  it('reports a file that is not JSON where it stops being JSON, and reads nothing from it', () => {
    const { editorial, diagnostics } = readEditorial('{ "topics": [', FILE, CATALOGUE);
    expect(editorial).toEqual({ families: [], topics: [] });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/ecs/categories.json:1:14: not valid JSON: close bracket expected',
    ]);
  });

  it('reports a slug that breaks the schema, naming the field and the fix', () => {
    const text = json({ topics: [{ slug: 'Network Errors', title: 'Network', codes: [] }] });
    const { editorial, diagnostics } = readEditorial(text, FILE, CATALOGUE);
    expect(editorial.topics).toEqual([]);
    const { line, column } = positionOf(text, '"Network Errors"');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${FILE}:${line}:${column}: "topics.0.slug" must use lowercase letters, digits and "-"`,
    ]);
  });
});
