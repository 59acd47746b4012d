// The one date check: edition folders, --date options, dates in import file names and command arguments. A date is
// YYYY-MM-DD naming a day that exists (no 2023-02-30) in a year a newspaper edition can have.

/** Years an edition can be dated: the first newspapers to the end of the EPUB's ZIP dates (2107). */
export const editionYears = { first: 1600, last: 2100 } as const;

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not an edition date, said for people; null when it is one. */
export function dateProblem(value: string): string | null {
  const match = shape.exec(value);
  const example = "give it as YYYY-MM-DD, e.g. 2022-09-02";
  if (!match) return `"${value.slice(0, 40)}" is not a real date: ${example}`;
  const [y, m, d] = match.slice(1).map(Number);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const length = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (m < 1 || m > 12 || d < 1 || d > length)
    return `"${value}" is not a real date (no such day in the calendar): ${example}`;
  if (y < editionYears.first || y > editionYears.last) {
    return `"${value}" is outside the years an edition can have (${editionYears.first}–${editionYears.last}): check the year`;
  }
  return null;
}

/** YYYY-MM-DD naming a real day in the years an edition can have: a check run on every edition folder. */
export function isCalendarDate(value: string): boolean {
  return dateProblem(value) === null;
}
