import { z } from 'astro/zod';
import type { Diagnostic } from '../core/diagnostics.ts';
import { readJsonFile } from '../core/json-file.ts';

/** A synonyms file: `content/synonyms.json` (for every service) or `content/<service>/synonyms.json`. */
const SynonymsSchema = z.strictObject({
  groups: z.array(z.array(z.string().trim().min(1, 'cannot be empty')).min(2, 'needs two or more words or phrases')),
});

/** Groups of words or phrases that mean the same to a user searching (`["eip", "elastic ip"]`). */
export type Synonyms = z.infer<typeof SynonymsSchema>;

/** Parses a synonyms file; a file that is not JSON or does not fit the schema is a located diagnostic. */
export function readSynonyms(text: string, file: string): { synonyms: Synonyms; diagnostics: Diagnostic[] } {
  const { data, diagnostics } = readJsonFile(text, file, SynonymsSchema);
  return { synonyms: { groups: (data?.groups ?? []).map((g) => g.map((p) => p.toLowerCase())) }, diagnostics };
}
