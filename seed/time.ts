/**
 * Time arithmetic for the generator, in UTC epoch milliseconds. The org stores datetimes as
 * `2023-07-02T11:00:00.000Z` and dates as `YYYY-MM-DD` (src/org/values.ts).
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The first day of the seeded history (CRMArena's orders start 2020-01-01, reference/crmarena.md §5). */
export const HISTORY_START = Date.UTC(2020, 0, 1);

/** Whole seconds, as Salesforce stamps records. */
export const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();
export const ymd = (ms: number): string => iso(ms).slice(0, 10);
/** Month 1-12 of an instant. */
export const monthOf = (ms: number): number => new Date(ms).getUTCMonth() + 1;
/** Midnight UTC of the day containing `ms`. */
export const dayStart = (ms: number): number => Math.floor(ms / DAY) * DAY;
/** `[2020-12-22T11:03:45]`: the stamp of a chat line (reference/crmarena.md §2.2 LiveChatTranscript). */
export const chatStamp = (ms: number): string => `[${iso(ms).slice(0, 19)}]`;
/** A date as customers write it: "March 4, 2023". */
export function longDate(ms: number): string {
  const d = new Date(ms);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}
