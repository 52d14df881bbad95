import { z } from 'astro/zod';
import { DateSchema, HttpStatusSchema } from '../core/schemas.ts';
import { ExportMessageSchema, ExportVariantSchema } from '../export/export-schema.ts';
import type { ExplainAnswer, ExplainHit, ExplainRow } from './explain.ts';

// The shape of an explain answer as JSON (`npm run explain -- --json`, and the structured content of `npm run mcp`'s
// tools), each property described. The types of explain.ts are the same shapes, checked against these below.

const Url = z.url();

const ServiceRefSchema = z.object({
  id: z.string().describe('Service id, the first path segment of its URLs (`ecs`).'),
  name: z.string().describe('Full service name (`Elastic Cloud Server`).'),
  short: z.string().describe('Short service name (`ECS`).'),
});

/** A row of a hit: a row of the export (`errors.json`), with the values the pasted message filled in. */
export const ExplainRowSchema = ExportVariantSchema.extend({
  anchor: z
    .string()
    .describe('Fragment id of the row on the code page (`http-400`); `v<n>` for an earlier wording of the code.'),
  line: ExportVariantSchema.shape.line
    .optional()
    .describe('Line of the row in the source table; absent for an earlier wording.'),
  values: z
    .array(z.string())
    .describe("The texts that filled the message's placeholders, in order; empty when the message was not matched."),
  earlier: z
    .object({
      first: DateSchema.describe('Date of the first version of the table with this wording.'),
      last: DateSchema.describe('Date of the last version of the table with this wording.'),
      today: z
        .object({
          status: HttpStatusSchema.optional(),
          anchor: z.string(),
          url: Url,
          message: ExportMessageSchema,
        })
        .describe("Today's row for the same status (else the code's first row): its wording now."),
    })
    .optional()
    .describe('Present when the input matched an earlier wording of the code, which this row is.'),
});

/** A code the input points at, with the rows that explain it. */
export const ExplainHitSchema = z.object({
  service: ServiceRefSchema.describe('The service whose table has the code.'),
  code: z.string().describe('The error code as the table writes it (`Ecs.0010`).'),
  url: Url.describe("Absolute URL of the code's page."),
  json: Url.describe("Absolute URL of the code's JSON document (its export file with `#/codes/<code>`)."),
  via: z
    .enum(['code', 'message', 'code+message'])
    .describe('How the input points at the code: its code, its message, or both (a JSON body).'),
  rows: z
    .array(ExplainRowSchema)
    .describe('The rows shown: the one the input selects, else those with the asked status, else all.'),
  tableRows: z.number().int().min(1).describe('How many rows the table has for the code.'),
  note: z.string().optional().describe('Said when a status was asked for and no shown row has it.'),
  retired: z
    .object({ lastPublished: DateSchema, current: DateSchema })
    .optional()
    .describe(
      'When the newest version of the table no longer has the code: when it was last published, and the newest date.',
    ),
  alsoIn: z
    .array(z.object({ service: z.string(), short: z.string(), url: Url }))
    .optional()
    .describe('Other services that have the code with rows reading the same: one answer, published by each.'),
});

/** The lookup's answer for an input as JSON: its outcome and the hits, with what decided them. */
export const ExplainDocumentSchema = z.object({
  input: z.string().optional().describe('The input, as given (printed by `npm run explain -- --json`).'),
  outcome: z
    .enum(['empty', 'go', 'choose', 'unknown-code', 'search'])
    .describe(
      'What the lookup decided: `go` one answer, `choose` several the text cannot tell apart, `unknown-code` a ' +
        'code no table lists, `search` nothing matched (`empty`: no text).',
    ),
  hits: z.array(ExplainHitSchema).describe('The codes the input points at, best first.'),
  because: z
    .array(z.string())
    .optional()
    .describe('For `go`: what in the text chose the service among others that have the code.'),
  undecided: z.string().optional().describe('For `choose`: what the text could not tell apart.'),
  unknown: z
    .object({
      code: z.string().describe('The code the text carries, as written.'),
      services: z
        .array(z.object({ service: z.string(), name: z.string(), short: z.string(), because: z.array(z.string()) }))
        .describe('The services its endpoint or prefix points to, and why.'),
      message: z.string().optional().describe('The message the text carried with the code.'),
      nearest: z
        .array(
          z.object({
            code: z.string(),
            path: z.string().describe('Site path of the code page (`/ecs/ecs-0014/`).'),
            service: z.string(),
            serviceShort: z.string(),
            message: z.string(),
          }),
        )
        .describe('The codes nearest to it: same prefix, nearest number.'),
    })
    .optional()
    .describe('For `unknown-code`: what the lookup knows of a code no table lists.'),
});

export type ExplainDocument = z.infer<typeof ExplainDocumentSchema>;

/** An answer as its JSON document: `outcome` for the lookup's kind; `input` when given. */
export function explainDocument(answer: ExplainAnswer, input?: string): ExplainDocument {
  const { kind: outcome, ...rest } = answer;
  return { ...(input === undefined ? {} : { input }), outcome, ...rest };
}

// The types of explain.ts and these schemas describe one shape: each is assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SHAPES_AGREE: [
  Same<z.infer<typeof ExplainRowSchema>, ExplainRow>,
  Same<z.infer<typeof ExplainHitSchema>, ExplainHit>,
] = [true, true];
void SHAPES_AGREE;
