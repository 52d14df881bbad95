/**
 * Every code as a resource of `npm run mcp`, at `error-code://<service>/<slug>`: the service id and the slug of the
 * code's page (`error-code://ecs/ecs-0010` is `/ecs/ecs-0010/`), so a URI is as stable as the page's URL and needs no
 * escaping. No SDK and no I/O here: `server.ts` registers these with the SDK.
 */
import type { CodeEntry } from '../catalogue/catalogue.ts';
import type { ToolContext } from './tools.ts';

/** The URI template of every code's resource (RFC 6570). */
export const CODE_URI_TEMPLATE = 'error-code://{service}/{slug}';

/** Most values a completion gives, as the protocol allows. */
export const MAX_COMPLETIONS = 100;

/** The URI of a code as a resource: `error-code://ecs/ecs-0010` (its service and its page's slug). */
export function codeResourceUri(entry: { service: string; slug: string }): string {
  return `error-code://${entry.service}/${entry.slug}`;
}

/** A code as the resource list shows it. */
export interface CodeResource {
  uri: string;
  /** The code (`Ecs.0010`). */
  name: string;
  /** The code and its service (`Ecs.0010 (ECS)`). */
  title: string;
  /** What its first row says: its message, else its description. */
  description: string;
  mimeType: string;
}

/** The content of a code's resource: its Markdown, as the site publishes it (`export/markdown.ts`). */
export const CODE_RESOURCE_MIME_TYPE = 'text/markdown';

/** The codes as resources: their list, each one's content, and completions of the URI template's variables. */
export interface CodeResources {
  list(): CodeResource[];
  /** The content of a code's resource, or undefined when the service has no code at that slug. */
  read(service: string, slug: string): { text: string; mimeType: string } | undefined;
  /** Service ids that start with what was typed. */
  completeService(typed: string): string[];
  /** Slugs of a service's codes that start with what was typed (of every service when none is given). */
  completeSlug(typed: string, service?: string): string[];
}

/** Indexes the codes of the tools' services by service and slug, once. */
export function createCodeResources(context: ToolContext): CodeResources {
  const bySlug = new Map<string, Map<string, CodeEntry>>();
  const shorts = new Map<string, string>();
  for (const s of context.services) {
    bySlug.set(s.catalogue.id, new Map(s.catalogue.entries.map((e) => [e.slug, e])));
    shorts.set(s.catalogue.id, s.catalogue.short);
  }
  const starting = (values: Iterable<string>, typed: string) =>
    [...values].filter((v) => v.startsWith(typed.toLowerCase())).slice(0, MAX_COMPLETIONS);
  return {
    list: () =>
      context.services.flatMap((s) =>
        s.catalogue.entries.map((entry) => ({
          uri: codeResourceUri(entry),
          name: entry.code,
          title: `${entry.code} (${s.catalogue.short})`,
          description: entry.variants[0].message.text || entry.variants[0].description.text,
          mimeType: CODE_RESOURCE_MIME_TYPE,
        })),
      ),
    read: (service, slug) => {
      const entry = bySlug.get(service)?.get(slug);
      const text = entry && context.codeMarkdown(service, entry.code);
      return text === undefined ? undefined : { text, mimeType: CODE_RESOURCE_MIME_TYPE };
    },
    completeService: (typed) => starting(bySlug.keys(), typed),
    completeSlug: (typed, service) =>
      starting(
        service === undefined
          ? [...bySlug.values()].flatMap((m) => [...m.keys()])
          : (bySlug.get(service)?.keys() ?? []),
        typed,
      ),
  };
}
