// Which days the synthetic paper comes out: most days, but rarely on Sundays, about 310 editions a year.
import { mixSeed, mulberry32 } from "./random.ts";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date; throws on anything that is not a real calendar date. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2016-02-30 over to March; a date that does not come back unchanged is not a real date.
    if (formatDay(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new Error(`expected a date as YYYY-MM-DD, got "${date}"`);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/**
 * Whether the paper appears on a day. Each day's answer depends only on the seed and the date, so a longer
 * archive is the shorter one plus more days. Skipped: 85% of Sundays, 10% of Saturdays, 2% of other days
 * (holidays) — about 310 editions a year.
 */
export function isPublicationDay(seed: number, day: number): boolean {
  const roll = mulberry32(mixSeed(seed, day, 0xca1e))();
  const wd = weekday(day);
  if (wd === 0) return roll < 0.15;
  if (wd === 6) return roll >= 0.1;
  return roll >= 0.02;
}

/** The publication dates from `startDate` on; the start date itself always has an edition. */
export function* publicationDates(seed: number, startDate: string): Generator<string> {
  let day = dayNumber(startDate);
  yield formatDay(day);
  for (;;) {
    day++;
    if (isPublicationDay(seed, day)) yield formatDay(day);
  }
}
