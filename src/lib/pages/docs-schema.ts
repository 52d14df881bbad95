/**
 * Text of the image helper `<StarlightPage>` passes to the docs collection's schema function: the same, unbound
 * helper on every page (Starlight's utils/starlight-page).
 */
export const STARLIGHT_PAGE_IMAGE_HELPER = 'Invalid image passed to `<StarlightPage>`';

/**
 * Wraps the docs collection's schema function (Starlight's `docsSchema()`) so that the schema `<StarlightPage>`
 * asks for is built once, not once per page: building it (icons, hero, head) took a sixth of a 7,600-page build,
 * a third of it collecting garbage. Astro's content layer passes each entry an image helper bound to that
 * entry's file, so its calls build the schema as before.
 */
export function buildOnceForStarlightPages<Context extends { image: unknown }, Schema>(
  schema: (context: Context) => Schema,
): (context: Context) => Schema {
  let built: Schema | undefined;
  return (context) => {
    if (!String(context.image).includes(STARLIGHT_PAGE_IMAGE_HELPER)) return schema(context);
    built ??= schema(context);
    return built;
  };
}
