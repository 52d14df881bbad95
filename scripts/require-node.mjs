/**
 * Stops the process unless it runs on the Node release line that package.json pins (devDependencies.node).
 * Every entry point imports this first (the commands in scripts/, scripts/bench/ and scripts/check/,
 * astro.config.mjs, vitest.config.ts). npm scripts and `npm exec` run under node_modules/.bin/node; a bin called
 * by its path, or an install whose scripts were blocked, would otherwise run on whatever Node the machine has.
 * Plain JavaScript, so any Node can load it.
 */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinned = pkg.devDependencies?.node;
const line = Number(String(pinned).split('.')[0]);
const running = Number(process.versions.node.split('.')[0]);

if (!Number.isInteger(line)) {
  process.stderr.write(
    `package.json pins no Node version (devDependencies.node is ${JSON.stringify(pinned)}): add "node": "26.x.y"\n`,
  );
  process.exit(1);
}
if (running < line) {
  process.stderr.write(
    [
      `This project runs on Node ${line} (package.json pins node@${pinned}), but this is Node ${process.version} (${process.execPath}).`,
      'Run it through npm (npm start, npm test, npm run build, npx astro ...): npm puts node_modules/.bin/node first.',
      'If node_modules/.bin/node is missing, run "npm install": the node package downloads Node in its install script,',
      'which npm runs only because package.json lists it in "allowScripts".',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
