/**
 * What the build benchmarks share: a command run with its wall time and the peak memory of its process tree, and
 * a walk over an output folder. (A folder to build in comes from scripts/harness/project-copy.ts.)
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** How a measured command ended: its exit code, wall seconds, peak memory and its output (stdout and stderr). */
export interface MeasuredRun {
  code: number | null;
  seconds: number;
  /** Peak resident memory summed over the process tree, in MB. */
  peakMb: number;
  /** Peak resident memory of the tree's largest process, in MB. */
  peakProcessMb: number;
  log: string;
}

/** Resident memory of a process tree from /proc (Linux): the sum over the tree, and its largest process. */
export function treeRssMb(pid: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let largest = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    largest = Math.max(largest, rss.get(p) ?? 0);
    stack.push(...(children.get(p) ?? []));
  }
  return { total: total / 1024 / 1024, largest: largest / 1024 / 1024 };
}

/**
 * Runs a command in a folder and measures it: wall seconds, and peak memory polled from /proc every 250 ms, of
 * the whole process tree (a build's Node process, plus Pagefind's indexer and esbuild while they run) and of its
 * largest process. `echo` also passes the command's output on to this process's.
 */
export function runMeasured(
  command: string,
  args: string[],
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakMb = 0;
    let peakProcessMb = 0;
    let log = '';
    const sample = () => {
      const { total, largest } = treeRssMb(child.pid!);
      peakMb = Math.max(peakMb, total);
      peakProcessMb = Math.max(peakProcessMb, largest);
    };
    const timer = setInterval(sample, 250);
    const take = (stream: NodeJS.WriteStream) => (data: Buffer) => {
      log += data;
      if (options.echo) stream.write(data);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMb, peakProcessMb, log });
    });
  });
}

/** Calls `visit` with the path and size of every file below a folder. */
export function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path, statSync(path).size);
  }
}
