import { describe, expect, it } from 'vitest';
import { anchoredPath, earlierWordingAnchor, rowAnchor, statusAnchor } from '../../src/lib/core/urls';

describe('the fragment ids of a code page', () => {
  it('names a row by its status, numbering later rows of the same status from 2', () => {
    expect(rowAnchor(400, 1)).toBe('http-400');
    expect(rowAnchor(400, 2)).toBe('http-400-2');
  });

  it('names a row without a status by its place among such rows', () => {
    expect(rowAnchor(undefined, 1)).toBe('row-1');
    expect(rowAnchor(undefined, 3)).toBe('row-3');
  });

  it('names the extra anchor of a status and an earlier wording', () => {
    expect(statusAnchor(404)).toBe('http-404');
    expect(earlierWordingAnchor(2)).toBe('v2');
  });

  it('puts a fragment id after a path or a URL', () => {
    expect(anchoredPath('/ecs/ecs-0010/', 'http-404')).toBe('/ecs/ecs-0010/#http-404');
    expect(anchoredPath('https://example.org/ecs/ecs-0010/', 'v1')).toBe('https://example.org/ecs/ecs-0010/#v1');
  });
});
