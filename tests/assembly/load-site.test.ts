import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceReader } from '../../src/lib/assembly/load-site.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/multi-service/content');
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createServiceReader (astro dev: two loaders ask on every change)', () => {
  it('assembles once while the files stay the same, and again once one changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'service-reader-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const read = createServiceReader(dir, dir);
    const first = read();
    expect(read()).toBe(first);
    const service = first.services[0].catalogue.id;
    const table = join(dir, service, 'error-codes.rst');
    writeFileSync(table, readFileSync(table, 'utf8').replace(/\n$/, '\n\n'));
    const second = read();
    expect(second).not.toBe(first);
    expect(second.services.map((s) => s.catalogue.id)).toEqual(first.services.map((s) => s.catalogue.id));
    expect(read()).toBe(second);
  });
});
