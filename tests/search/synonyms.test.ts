import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/core/diagnostics.ts';
import { locateInJson } from '../../src/lib/core/json-file.ts';
import { buildVocabulary, mergeSynonyms } from '../../src/lib/search/search-data.ts';
import { readSynonyms } from '../../src/lib/search/synonyms.ts';
import { loadServices } from '../../src/lib/assembly/load-site.ts';

describe('reading a synonyms file', () => {
  it('reads groups of words and phrases, lower-cased', () => {
    expect(readSynonyms('{"groups": [["EIP", "Elastic IP"], ["disk", "volume"]]}', 'content/synonyms.json')).toEqual({
      synonyms: {
        groups: [
          ['eip', 'elastic ip'],
          ['disk', 'volume'],
        ],
      },
      diagnostics: [],
    });
  });

  it('locates a group of one word and an empty word at their place in the file', () => {
    const text = '{\n  "groups": [\n    ["eip", "elastic ip"],\n    ["vm"],\n    ["disk", " "]\n  ]\n}\n';
    expect(readSynonyms(text, 'content/ecs/synonyms.json').diagnostics.map(formatDiagnostic)).toEqual([
      'content/ecs/synonyms.json:4:5: "groups.1" needs two or more words or phrases',
      'content/ecs/synonyms.json:5:14: "groups.2.1" cannot be empty',
    ]);
  });

  it('says a field it does not know is not a known field, where it stands', () => {
    const text = '{\n  "groups": [["eip", "elastic ip"]],\n  "group": [["vm", "server"]]\n}\n';
    expect(readSynonyms(text, 'content/synonyms.json').diagnostics.map(formatDiagnostic)).toEqual([
      'content/synonyms.json:3:12: "group" is not a known field',
    ]);
  });

  it('says where a file stops being JSON', () => {
    expect(readSynonyms('{"groups": [', 'x.json').diagnostics.map(formatDiagnostic)).toEqual([
      'x.json:1:13: not valid JSON: close bracket expected',
    ]);
  });
});

describe('locating a path in a JSON text', () => {
  const text = '{\n  "a": [1, {"b": "x"}],\n  "c": "y"\n}';
  it('finds the value at a path of keys and indices', () => {
    expect(locateInJson(text, ['a', 1, 'b'])).toEqual({ line: 2, column: 18 });
    expect(locateInJson(text, ['c'])).toEqual({ line: 3, column: 8 });
  });

  it('falls back to the closest value it can reach', () => {
    expect(locateInJson(text, ['a', 9])).toEqual({ line: 2, column: 8 });
    expect(locateInJson('not json', ['a'])).toEqual({ line: 1, column: 1 });
  });
});

describe('the search data of the site', () => {
  const { services, diagnostics } = loadServices('content');

  it('gives every service the shared synonyms of content/synonyms.json', () => {
    expect(diagnostics).toEqual([]);
    expect(services[0].synonyms).toContainEqual([
      'eip',
      'elastic ip',
      'floating ip',
      'fip',
      'public ip',
      'elastic ip address',
    ]);
  });

  it('merges the groups of all services, each group once', () => {
    const groups = mergeSynonyms([
      {
        synonyms: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
      {
        synonyms: [
          ['a', 'b'],
          ['e', 'f'],
        ],
      },
    ]);
    expect(groups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('counts the words of the code pages, by word, without numbers or words shorter than three letters', () => {
    const words = new Map(buildVocabulary(services.map((s) => ({ entries: s.catalogue.entries }))));
    expect(words.get('quota')).toBeGreaterThan(5);
    expect(words.has('eip')).toBe(true);
    expect(words.has('is')).toBe(false);
    expect([...words.keys()].some((w) => /^\d+$/.test(w))).toBe(false);
  });
});
