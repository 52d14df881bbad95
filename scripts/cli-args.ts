/**
 * How every command of scripts/ reads its command line, and the one exit-code convention they share:
 * - 0: the command did its job;
 * - 1: it ran and found problems (a table with errors, a lookup that misses), or could not finish;
 * - 2: bad usage (an unknown option, an option without its value, an argument it does not take or lacks): one
 *   line `<name>: <problem>` and the usage on standard error.
 * `-h` / `--help` prints the usage on standard output and exits 0. `npm test`, `npm run build`, `dev` and `preview`
 * read no options of their own: they pass every argument on to vitest and Astro.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The parts of a parseArgs configuration a script chooses: its options and whether it takes positionals. */
type CommandLine = Pick<ParseArgsConfig, 'options' | 'allowPositionals'>;

/**
 * Reads `process.argv` strictly: `-h` / `--help` prints the usage and exits 0; an unknown option, an option without
 * its value or an argument the script does not take is a usage error, reported by {@link exitWithUsage}.
 */
export function readCommandLine<const T extends CommandLine>(name: string, usage: string, config: T) {
  const args = process.argv.slice(2);
  if (asksForHelp(args, config)) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    // Node's first sentence names the problem ("Unknown option '--x'"); the hint after it runs to a second line.
    const message = error instanceof Error ? error.message : String(error);
    return exitWithUsage(name, message.replace(/\. .*$/s, ''), usage);
  }
}

/** Prints `<name>: <problem>` and the usage line on standard error, then exits 2 (bad usage). */
export function exitWithUsage(name: string, problem: string, usage: string): never {
  process.stderr.write(`${name}: ${problem}\n${usage}\n`);
  process.exit(2);
}

/** Whether `-h` or `--help` stands as an option of its own (not as an option's value, nor after `--`). */
function asksForHelp(args: string[], config: CommandLine): boolean {
  const { tokens } = parseArgs({
    args,
    options: { ...config.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  return tokens.some((token) => token.kind === 'option' && token.name === 'help');
}

/**
 * Runs a command's `main` and exits with the code it returns. What it throws is one line on standard error,
 * `<failure>: <message>` (`bench:search could not measure: no dist/`), and exit 1: never a stack trace.
 * `exit` ends the process at once, for a command that leaves servers or browsers behind on purpose.
 */
export function runMain(failure: string, main: () => number | Promise<number>, { exit = false } = {}): void {
  const finish = (code: number) => {
    if (exit) process.exit(code);
    process.exitCode = code;
  };
  Promise.resolve()
    .then(main)
    .then(finish, (error: unknown) => {
      process.stderr.write(`${failure}: ${error instanceof Error ? error.message : String(error)}\n`);
      finish(1);
    });
}
