import { describe, expect, it } from 'vitest';
import { countTableRows, heapForRows } from '../../scripts/build.ts';

describe('the build heap', () => {
  it('counts one border per row of the ECS table, plus its top border and header rule', () => {
    expect(countTableRows('content')).toBe(148 + 2);
  });

  it('is at least 1 GB, and grows with the number of rows (1.5 GB at 10,000)', () => {
    expect(heapForRows(150)).toBe(1024);
    expect(heapForRows(10_000)).toBe(1512);
    expect(heapForRows(30_000)).toBeGreaterThan(heapForRows(10_000));
  });
});
