/** Checking a JSON document against a JSON Schema (draft 2020-12) with ajv, its problems as readable lines. */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** A JSON Schema object (or boolean schema). */
export type JsonSchema = boolean | { [keyword: string]: unknown };

const compiled = new Map<string, ValidateFunction>();

/** Validates a value against a schema; returns every problem as `<json pointer>: <problem>` (empty when valid). */
export function validateJson(value: unknown, schema: JsonSchema): string[] {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    // Strict mode rejects an unknown keyword, so a schema can never pass by using something ajv ignores.
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map(formatError);
}

/** One ajv error as `/versions/3: must be string, not 2024`, naming the unexpected property or the allowed values. */
function formatError(error: ErrorObject): string {
  let problem = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') problem += ` ("${error.params.additionalProperty}")`;
  if (error.keyword === 'enum') problem += ` ${JSON.stringify(error.params.allowedValues)}`;
  if (typeof error.data !== 'object' || error.data === null) problem += `, not ${JSON.stringify(error.data)}`;
  return `${error.instancePath || '/'}: ${problem}`;
}
