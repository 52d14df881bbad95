import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../lib/core/diagnostics';
import { loadServices } from '../lib/content/load-content';

/**
 * Checks every content folder before a build starts. A content author gets each problem as
 * `file:line:col: what is wrong` and a failed build, never a stack trace.
 */
export function contentCheck(contentDir = 'content'): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const { services, diagnostics, warnings } = loadServices(resolve(contentDir));
        // Suspicious cells were read anyway: the author sees each one, and the build goes on.
        for (const warning of warnings) logger.warn(formatDiagnostic(warning));
        if (diagnostics.length === 0) {
          logger.info(
            `${services.length} service(s), ${services.reduce((n, s) => n + s.catalogue.entries.length, 0)} codes, read in ${Math.round(performance.now() - started)} ms`,
          );
          return;
        }
        const report = sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
        process.stderr.write(
          `${report}\n\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in content: the build stopped. Fix them, or run "npm run validate" to check again.\n`,
        );
        process.exit(1);
      },
    },
  };
}
