// Checks the synthetic paper's publishing calendar and the seeded random numbers it and everything else rest on.
import { describe, expect, it } from "vitest";
import {
  dayNumber,
  formatDay,
  isPublicationDay,
  publicationDates,
  weekday,
} from "../../../../src/dev/synth/calendar.ts";
import { mulberry32, Random } from "../../../../src/dev/synth/random.ts";

describe("publication calendar", () => {
  it("publishes about 300 editions a year, skipping most Sundays", () => {
    const start = dayNumber("2016-01-01");
    const end = dayNumber("2026-01-01");
    let editions = 0;
    let sundays = 0;
    for (let day = start; day < end; day++) {
      if (!isPublicationDay(1, day)) continue;
      editions++;
      if (weekday(day) === 0) sundays++;
    }
    const perYear = editions / 10;
    expect(perYear).toBeGreaterThan(290);
    expect(perYear).toBeLessThan(330);
    expect(sundays / 10).toBeLessThan(15);
  });

  it("starts on the start date, even a Sunday, and then follows the calendar", () => {
    const dates = publicationDates(1, "2016-01-03"); // a Sunday
    const first = Array.from({ length: 30 }, () => dates.next().value as string);
    expect(first[0]).toBe("2016-01-03");
    expect(first).toEqual([...first].sort());
    expect(new Set(first).size).toBe(30);
    expect(dayNumber(first[29]) - dayNumber(first[0])).toBeGreaterThan(29);
  });

  it("depends on the seed", () => {
    const skipped = (seed: number) =>
      Array.from({ length: 365 }, (_, i) => dayNumber("2016-01-01") + i).filter((d) => !isPublicationDay(seed, d));
    expect(skipped(1)).not.toEqual(skipped(2));
  });

  it.each(["2016-02-30", "2016-1-1", "20160101", ""])("rejects %j as a date", (date) => {
    expect(() => dayNumber(date)).toThrow(/YYYY-MM-DD/);
  });

  it("round-trips dates", () => {
    expect(formatDay(dayNumber("2024-02-29"))).toBe("2024-02-29");
  });
});

describe("seeded random numbers", () => {
  it("repeat for a seed and differ between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    for (const n of seqA) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
  });

  it("give integers across the whole inclusive range", () => {
    const rng = new Random(7);
    const seen = new Set(Array.from({ length: 1000 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("make ids that are ASCII slugs", () => {
    const rng = new Random(9);
    for (let i = 0; i < 100; i++) expect(rng.id(6)).toMatch(/^[a-z][a-z0-9]{5}$/);
  });
});
