/*
 * Calendar days as `YYYY-MM-DD` strings (the form Postgres `date` columns take), computed in UTC
 * so that no local offset or daylight-saving change ever moves a day.
 */

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const time = toTime(value);
  return !Number.isNaN(time) && fromTime(time) === value;
}

export const addDays = (day: string, days: number): string => fromTime(toTime(day) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toTime(to) - toTime(from)) / DAY_MS);

/** Today in a timezone, e.g. the tenant's. */
export function dayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The start of the monthly period after the one starting on `start`: the same day of the next
 * month, the anchor day where the month has it, else the month's last day (Jan 31 → Feb 28 → Mar 31).
 */
export function nextMonthly(start: string, anchorDay: number): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)); // 1-12; as a 0-based index it names the next month
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(year, month, Math.min(anchorDay, lastDay)));
}

export const dayOfMonth = (day: string): number => Number(day.slice(8, 10));
