import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSpellingFiles } from '../../src/integrations/spelling-files.ts';
import type { AliasSource } from '../../src/lib/pages/aliases.ts';

const SOURCES: AliasSource[] = [{ service: 'ecs', codes: [{ code: 'Ecs.0010', path: '/ecs/ecs-0010/' }] }];
const BUILT = new Set(['/', '/ecs/', '/ecs/ecs-0010/']);
const ORIGIN = 'https://example.org';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'spelling-files-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('the files written for spellings of code URLs', () => {
  it('are _redirects alone by default: no redirect page', () => {
    const written = writeSpellingFiles(out, SOURCES, BUILT, { origin: ORIGIN, redirectPages: false });
    expect(written).toEqual({ rules: 6, spellings: 6, pages: 0 });
    expect(readdirSync(out)).toEqual(['_redirects']);
    expect(readFileSync(join(out, '_redirects'), 'utf8')).toContain('/ecs/Ecs.0010/ /ecs/ecs-0010/ 301\n');
  });

  it('add a redirect page per spelling with redirectPages, each naming the code page as canonical', () => {
    const written = writeSpellingFiles(out, SOURCES, BUILT, { origin: ORIGIN, redirectPages: true });
    expect(written).toEqual({ rules: 6, spellings: 6, pages: 6 });
    for (const from of ['ecs/Ecs.0010', 'ecs/ECS.0010', 'ecs/ecs.0010', 'ecs/ecs0010', 'ecs/Ecs_0010', 'Ecs.0010']) {
      const html = readFileSync(join(out, from, 'index.html'), 'utf8');
      expect(html).toContain('<link rel="canonical" href="https://example.org/ecs/ecs-0010/">');
      expect(html).toContain('<meta http-equiv="refresh" content="0; url=/ecs/ecs-0010/">');
    }
  });

  it('never take the path of a built page', () => {
    const built = new Set([...BUILT, '/Ecs.0010/']);
    const written = writeSpellingFiles(out, SOURCES, built, { origin: ORIGIN, redirectPages: true });
    expect(written).toEqual({ rules: 5, spellings: 5, pages: 5 });
    expect(existsSync(join(out, 'Ecs.0010'))).toBe(false);
    expect(readFileSync(join(out, '_redirects'), 'utf8')).not.toMatch(/^\/Ecs\.0010\/ /m);
  });
});
