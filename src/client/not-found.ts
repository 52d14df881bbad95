import { carryQueryAndHash, codeFromPath } from '../lib/pages/aliases.ts';
import { filledCodeHref, lookupPagePath } from '../lib/core/urls.ts';
import { resolveLookup } from '../lib/lookup/resolve.ts';
import { manifestShapes } from '../lib/lookup/lookup-data.ts';
import { loadCodeIndex } from './lookup-loader.ts';
import { loadManifest } from './lookup-manifest.ts';

/**
 * On the 404 page: a path that spells a code in any way (`/ecs/Ecs.0010/`, `/ECS-0010`, `/Ecs 0010`) goes to its
 * page, and one that several services' codes answer to goes to the lookup's chooser, keeping the query and the
 * #anchor it came with (`/ecs/Ecs.0010/?v=10.0.0.1#http-400` -> `/ecs/ecs-0010/?v=10.0.0.1#http-400`). A code of
 * a known shape that no table lists stays here, named with the codes nearest to it.
 */
export async function resolveNotFound(): Promise<void> {
  const status = document.querySelector<HTMLElement>('.not-found-status')!;
  const manifest = await loadManifest();
  const found = codeFromPath(
    location.pathname,
    manifest.services.map((s) => s.service),
    manifestShapes(manifest),
  );
  if (!found) return;
  const outcome = resolveLookup({ code: found.code, service: found.service }, await loadCodeIndex(found.code));
  const goTo = (target: string) => location.replace(carryQueryAndHash(target, location.search, location.hash));
  if (outcome.kind === 'go') {
    status.textContent = `Opening ${outcome.hit.code}…`;
    goTo(filledCodeHref(outcome.hit));
    return;
  }
  if (outcome.kind === 'choose') {
    // The lookup page says what sets the services' codes apart and lets the reader choose.
    const codes = new Set(outcome.hits.map((hit) => hit.code));
    const code = codes.size === 1 ? [...codes][0] : found.code;
    status.textContent = `${code.slice(0, 40)} is in several services: opening the choice…`;
    goTo(lookupPagePath(found.service ? { code, service: found.service } : { code }));
    return;
  }
  // The lookup names a code that is not in the reference with the codes nearest to it.
  const nearest = outcome.kind === 'unknown-code' ? outcome.nearest : [];
  status.textContent =
    `There is no page for ${found.code.slice(0, 40)}: it is not a code in this reference.` +
    (nearest.length > 0 ? ` Nearby codes: ${nearest.map((n) => n.code).join(', ')}.` : '');
}
