import { codeFromPath } from '../lib/pages/aliases';
import { filledCodeHref } from '../lib/core/urls';
import { resolveLookup } from '../lib/lookup/resolve';
import { manifestShapes } from '../lib/lookup/lookup-data';
import { loadIndexFor } from './lookup-loader';
import { loadManifest } from './lookup-manifest';
import { renderAll } from './search-dialog';

/** On the 404 page: a path that spells a code in any way (`/ecs/ECS-0010`, `/Ecs 0010`) goes to its page. */
export async function resolveNotFound(): Promise<void> {
  const status = document.querySelector<HTMLElement>('.not-found-status')!;
  const results = document.querySelector<HTMLElement>('.not-found-results')!;
  const manifest = await loadManifest();
  const found = codeFromPath(
    location.pathname,
    manifest.services.map((s) => s.service),
    manifestShapes(manifest),
  );
  if (!found) return;
  const index = await loadIndexFor(found.code, found.code);
  const outcome = resolveLookup({ code: found.code, service: found.service }, index);
  if (outcome.kind === 'go') {
    status.textContent = `Opening ${outcome.hit.code}…`;
    const href = filledCodeHref(outcome.hit);
    location.replace(href + (href.includes('#') ? '' : location.hash));
    return;
  }
  if (outcome.kind === 'choose') {
    status.textContent = `${found.code} is in several services. Choose one:`;
    renderAll(results, outcome.hits, []);
    return;
  }
  // The lookup names a code that is not in the reference with the codes nearest to it.
  const nearest = outcome.kind === 'unknown-code' ? outcome.nearest : [];
  status.textContent =
    `There is no page for ${found.code.slice(0, 40)}: it is not a code in this reference.` +
    (nearest.length > 0 ? ` Nearby codes: ${nearest.map((n) => n.code).join(', ')}.` : '');
}
