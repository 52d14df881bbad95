/** Dates as the content writes them (`2024-05-28`), in one rule: a `YYYY-MM-DD` that names a day of the calendar. */

/** Tells whether a `YYYY-MM-DD` string names a day that exists in the calendar (no 2023-02-29). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** When a wording was published: `published 2022-03-28`, or `published 2022-03-28 to 2022-07-15` over several versions. */
export function formatPublished(first: string, last: string): string {
  return first === last ? `published ${first}` : `published ${first} to ${last}`;
}
