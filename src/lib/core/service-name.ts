/** What every stage knows of a service's names: its display name and its short name, from service.json or its id. */
export interface ServiceNames {
  name: string;
  short: string;
}

/**
 * Whether a service's short name says something its display name does not: `ECS` beside "Elastic Cloud Server"
 * does; `RDS` beside "RDS" (a service.json without names), `MODELARTS` beside "ModelArts" or `GAUSSDB-MYSQL`
 * beside "GaussDB MySQL" (the same letters in other case and punctuation) do not.
 */
export function hasOwnShortName(service: ServiceNames): boolean {
  return letters(service.short) !== letters(service.name);
}

/** The service in a title or a sentence: `Elastic Cloud Server (ECS)`, or the name alone when the short name adds nothing (`RDS`). */
export function fullServiceName(service: ServiceNames): string {
  return hasOwnShortName(service) ? `${service.name} (${service.short})` : service.name;
}

/** The service where space is short (`All ECS codes`): its short name, or its display name when the two are the same letters (`ModelArts`, not `MODELARTS`). */
export function shortServiceName(service: ServiceNames): string {
  return hasOwnShortName(service) ? service.short : service.name;
}

/** The service as a list item labels it: `ECS: Elastic Cloud Server`, or the name alone when the short name adds nothing. */
export function listedServiceName(service: ServiceNames): string {
  return hasOwnShortName(service) ? `${service.short}: ${service.name}` : service.name;
}

/** Letters and digits of a name, lower-cased: what tells two spellings of one name apart from two names. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
