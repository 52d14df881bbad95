/**
 * A JSON Schema (draft 2020-12) validator for the subset of keywords public/schemas uses. Written by hand
 * because the project has no validator dependency (no ajv); it rejects any keyword it does not know, so a
 * schema can never pass by using something this file ignores.
 */

/** A JSON Schema object (or boolean schema). */
export type JsonSchema = boolean | { [keyword: string]: unknown };

// Annotations carry no assertion; `format` is an annotation by default in 2020-12, but `uri` is checked.
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'examples', 'default']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems',
  'maxItems', 'minLength', 'pattern', 'minimum', 'maximum', 'format',
]);

/** Validates a value against a schema; returns every problem as `<json pointer>: <problem>` (empty when valid). */
export function validateJson(value: unknown, schema: JsonSchema, root: JsonSchema = schema): string[] {
  const errors: string[] = [];
  check(value, schema, root, '', errors);
  return errors;
}

function check(value: unknown, schema: JsonSchema, root: JsonSchema, at: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) return void errors.push(`${at || '/'}: no value is allowed here`);
  const fail = (problem: string) => errors.push(`${at || '/'}: ${problem}`);
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) throw new Error(`json-schema.ts does not support the keyword "${keyword}" (at ${at || '/'})`);
  }
  if (typeof schema.$ref === 'string') check(value, resolveRef(schema.$ref, root), root, at, errors);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t as string))) return void fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
    fail(`${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) fail(`expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) fail(`shorter than ${schema.minLength} characters`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (schema.format === 'uri' && !URL.canParse(value)) fail(`${JSON.stringify(value)} is not an absolute URI`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`${value} is below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`${value} is above the maximum ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((item, i) => check(item, schema.items as JsonSchema, root, `${at}/${i}`, errors));
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in value)) fail(`missing required property "${name}"`);
    }
    for (const [name, item] of Object.entries(value)) {
      const path = `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (name in properties) check(item, properties[name], root, path, errors);
      else if (schema.additionalProperties !== undefined) check(item, schema.additionalProperties as JsonSchema, root, path, errors);
    }
  }
}

/** Resolves a local reference such as `#/$defs/code`. */
function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#')) throw new Error(`json-schema.ts only resolves local references, not "${ref}"`);
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`unresolved reference "${ref}"`);
  return node as JsonSchema;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    case 'null': return value === null;
    default: return typeof value === type;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
