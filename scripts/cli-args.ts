/** Reading a script's command line with node:util's parseArgs, and the one way the scripts report bad usage. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The parts of a parseArgs configuration a script chooses: its options and whether it takes positionals. */
type CommandLine = Pick<ParseArgsConfig, 'options' | 'allowPositionals'>;

/**
 * Reads `process.argv` strictly: an unknown option, an option without its value or an argument the script does
 * not take is a usage error, reported by {@link exitWithUsage}.
 */
export function readCommandLine<const T extends CommandLine>(name: string, usage: string, config: T) {
  try {
    return parseArgs({ ...config, args: process.argv.slice(2), strict: true });
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
