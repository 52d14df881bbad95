import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { readCommandLine } from '../../scripts/cli-args.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(REPO, 'node_modules/.bin/tsx');

/** Runs a script of scripts/ with these arguments, as its npm script does; resolves to its exit code and output. */
function run(script: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [join(REPO, script), ...args], { cwd: REPO, timeout: 60_000 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ status, stdout, stderr });
    });
  });
}

/** What a mocked process.exit throws, so a test sees the exit code and nothing runs on. */
class Exited extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/** Every command that reads its command line with readCommandLine, by the name its messages give it. */
const COMMANDS: [name: string, script: string][] = [
  ['validate', 'scripts/validate.ts'],
  ['import', 'scripts/import.ts'],
  ['screenshots', 'scripts/screenshot.ts'],
  ['ensure-chromium', 'scripts/ensure-chromium.ts'],
  ['bench', 'scripts/bench/build.ts'],
  ['bench:cloud', 'scripts/bench/cloud.ts'],
  ['bench:history', 'scripts/bench/history.ts'],
  ['bench:match', 'scripts/bench/match.ts'],
  ['bench:search', 'scripts/bench/search.ts'],
  ['bench:weight', 'scripts/bench/weight.ts'],
  ['check:lookups', 'scripts/check/lookups.ts'],
  ['check:reference', 'scripts/check/reference.ts'],
  ['compare-docutils', 'scripts/check/compare-docutils.ts'],
  ['mcp', 'scripts/mcp.ts'],
];

describe('readCommandLine', () => {
  const USAGE = 'usage: npm run sample -- [--dist <dir>] [--all] <file>';
  const CONFIG = { options: { dist: { type: 'string' }, all: { type: 'boolean' } }, allowPositionals: true } as const;

  /** Reads a command line as a command would; what it printed, and the exit code if it exited. */
  function read(
    args: string[],
    config: Parameters<typeof readCommandLine>[2] = CONFIG,
  ): { stdout: string; stderr: string; read?: unknown; exit?: number } {
    const printed = { stdout: '', stderr: '' };
    const argv = process.argv;
    process.argv = ['node', 'sample.ts', ...args];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((printed.stdout += String(text)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((printed.stderr += String(text)), true));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exited(Number(code));
    });
    try {
      const read = readCommandLine('sample', USAGE, config);
      return { ...printed, read };
    } catch (error) {
      if (!(error instanceof Exited)) throw error;
      return { ...printed, exit: error.code };
    } finally {
      process.argv = argv;
      vi.restoreAllMocks();
    }
  }

  it('gives the options and arguments of a command line it accepts', () => {
    expect(read(['--dist', 'out', 'a.rst', '--all'])).toEqual({
      stdout: '',
      stderr: '',
      read: { values: { dist: 'out', all: true }, positionals: ['a.rst'] },
    });
  });

  it('exits 2 with one line naming the problem and the usage: unknown option, missing value, extra argument', () => {
    expect(read(['--strict', 'a.rst'])).toEqual({
      stdout: '',
      stderr: `sample: Unknown option '--strict'\n${USAGE}\n`,
      exit: 2,
    });
    expect(read(['a.rst', '--dist'])).toEqual({
      stdout: '',
      stderr: `sample: Option '--dist <value>' argument missing\n${USAGE}\n`,
      exit: 2,
    });
    expect(read(['a.rst'], { options: {} })).toEqual({
      stdout: '',
      stderr: `sample: Unexpected argument 'a.rst'\n${USAGE}\n`,
      exit: 2,
    });
  });

  it('prints the usage on standard output for -h or --help and exits 0, even beside a bad option', () => {
    for (const args of [['--help'], ['-h'], ['a.rst', '--strict', '--help']])
      expect(read(args)).toEqual({ stdout: `${USAGE}\n`, stderr: '', exit: 0 });
  });

  it('reads --help as an option’s value or after -- as text, not as a request for help', () => {
    expect(read(['--dist=--help', 'a.rst']).read).toEqual({ values: { dist: '--help' }, positionals: ['a.rst'] });
    expect(read(['--', '--help']).read).toEqual({ values: {}, positionals: ['--help'] });
  });
});

describe('every command', () => {
  it.concurrent.each(COMMANDS)(
    '%s exits 2 on an unknown option, naming it, with its usage on standard error',
    async (name, script) => {
      const result = await run(script, ['--no-such-option']);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const [problem, usage] = result.stderr.split('\n');
      expect(problem).toBe(`${name}: Unknown option '--no-such-option'`);
      expect(usage).toMatch(/^usage: /);
    },
  );

  it.concurrent('check:lookups prints its usage for --help and exits 0, as every command does', async () => {
    expect(await run('scripts/check/lookups.ts', ['--help'])).toEqual({
      status: 0,
      stdout: 'usage: npm run check:lookups [-- DIST]\n',
      stderr: '',
    });
  });
});

describe('import', () => {
  const USAGE =
    'usage: npm run import -- <checkout | bare repository | bundle | folder of them> [--service <id>] [--file <path in repo>] [--content <dir>]\n';

  it.concurrent('exits 2 on a misspelt option, before it reads any repository', async () => {
    expect(await run('scripts/import.ts', ['x', '--services', 'evs'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `import: Unknown option '--services'\n${USAGE}`,
    });
  });

  it.concurrent('exits 2 without a repository, or with two', async () => {
    expect(await run('scripts/import.ts', [])).toEqual({
      status: 2,
      stdout: '',
      stderr: `import: no repository given\n${USAGE}`,
    });
    expect(await run('scripts/import.ts', ['a', 'b'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `import: one path expected, got 2\n${USAGE}`,
    });
  });

  it.concurrent('exits 2 for a --service that is no service id, before it reads any repository', async () => {
    expect(await run('scripts/import.ts', ['x', '--service', 'E V S'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'import: --service "E V S" is not a service id: use lower-case letters, digits, - and _ ' +
        `(it becomes the URL segment)\n${USAGE}`,
    });
  });

  it.concurrent('exits 1 for a path that is no repository: the command ran and found a problem', async () => {
    const result = await run('scripts/import.ts', [join(REPO, 'no-such-repository')]);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `import: ${join(REPO, 'no-such-repository')} does not exist\n`,
    });
  });
});

describe('commands that read their command line their own way', () => {
  it.concurrent('explain exits 2 on an unknown option, with its usage', async () => {
    const result = await run('scripts/explain.ts', ['--colour', 'Ecs.0010']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'explain: unknown option "--colour"',
      'Usage: npm run explain -- [options] <code or message>',
    ]);
  });

  it.concurrent('serve exits 2 on a command other than dev or preview', async () => {
    expect(await run('scripts/serve.ts', ['start'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "serve: unknown command 'start'\nusage: tsx scripts/serve.ts <dev | preview> [--build] [astro options]\n",
    });
  });
});
