import { z } from 'zod';
import type { Diagnostic } from '../core/diagnostics';
import { locateInJson } from '../catalogue/editorial';

/** A synonyms file: `content/synonyms.json` (for every service) or `content/<service>/synonyms.json`. */
export const SynonymsSchema = z.object({
  groups: z.array(z.array(z.string().trim().min(1, 'a synonym cannot be empty')).min(2, 'a group needs two or more words or phrases')),
});

/** Groups of words or phrases that mean the same to a user searching (`["eip", "elastic ip"]`). */
export type Synonyms = z.infer<typeof SynonymsSchema>;

/** The file names of synonyms: one for all services at the top of content/, one per service folder. */
export const SYNONYMS_FILE = 'synonyms.json';

/** Parses a synonyms file; a file that is not JSON or does not fit the schema is a located diagnostic. */
export function readSynonyms(text: string, file: string): { synonyms: Synonyms; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { synonyms: { groups: [] }, diagnostics: [{ file, line: 1, column: 1, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = SynonymsSchema.safeParse(json);
  if (parsed.success) return { synonyms: { groups: parsed.data.groups.map((g) => g.map((p) => p.toLowerCase())) }, diagnostics: [] };
  const diagnostics = parsed.error.issues.map((issue) => ({
    file,
    ...locateInJson(text, issue.path),
    message: `${issue.path.join('.') || '(file)'}: ${issue.message}`,
  }));
  return { synonyms: { groups: [] }, diagnostics };
}
