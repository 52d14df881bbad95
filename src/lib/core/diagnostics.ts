import { countOf } from './plural.ts';

/** A located problem in a content file, printed as `file:line:col: message`. */
export interface Diagnostic {
  file: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column number. */
  column: number;
  message: string;
  /** A warning reports something suspicious that was read anyway; without it the diagnostic is an error. */
  severity?: 'warning';
}

/** Formats a diagnostic the way compilers do: `file:line:col: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

/** Splits diagnostics into errors (which stop a build) and warnings (which do not). */
export function splitWarnings(list: readonly Diagnostic[]): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: list.filter((d) => d.severity !== 'warning'),
    warnings: list.filter((d) => d.severity === 'warning'),
  };
}

/** Orders diagnostics by file, then line, then column, so reports read top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Thrown when content has problems; carries every diagnostic, not just the first. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(`${countOf(sorted.length, 'problem')} in content:\n` + sorted.map(formatDiagnostic).join('\n'));
    this.name = 'ContentError';
    this.diagnostics = sorted;
  }
}
