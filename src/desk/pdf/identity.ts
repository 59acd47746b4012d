// What a page says of itself in its running head and folio: its section (版名), the edition's date, its page number.
// So a folder of page PDFs imports with no per-page options.
import { DateTime } from "luxon";
import { isCalendarDate } from "../../content/dates.ts";

export interface PageIdentity {
  /** The section named in the running head: 理论, Sport, AFFAIRES EN COURT. */
  section?: string;
  /** The edition's date printed in the head or foot, YYYY-MM-DD. */
  date?: string;
  /** The printed page number (folio): 7, A3. */
  folio?: string;
}

/** Languages whose month and weekday names a printed date may use. */
const LOCALES = ["en", "fr", "de", "it", "es", "pt", "nl"];

/** Lower-cased month names (long and short) of every locale, to month numbers: from Intl, not written by hand. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const month of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: "UTC" });
      for (let m = 1; m <= 12; m++) {
        const name = format
          .format(Date.UTC(2001, m - 1, 15))
          .toLowerCase()
          .replace(/\.$/u, "");
        if (!names.has(name)) names.set(name, m);
      }
    }
  }
  return names;
})();

const iso = (y: number, m: number, d: number) => DateTime.utc(y, m, d).toISODate() ?? "";

/** A date printed in a line: 2018年1月25日, 2018-01-25, 25.01.2018, vendredi 18 décembre 2015, March 3, 2025. */
export function printedDate(text: string): string | undefined {
  const candidates: string[] = [];
  const han = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(text);
  if (han) candidates.push(iso(+han[1], +han[2], +han[3]));
  const numeric = /\b(\d{4})-(\d{2})-(\d{2})\b/u.exec(text);
  if (numeric) candidates.push(iso(+numeric[1], +numeric[2], +numeric[3]));
  const dotted = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u.exec(text);
  if (dotted) candidates.push(iso(+dotted[3], +dotted[2], +dotted[1]));
  const words = text.toLowerCase().match(/[\p{L}]+\.?|\d+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const month = MONTHS.get(words[i].replace(/\.$/u, ""));
    if (!month) continue;
    // 18 décembre 2015 / 3. März 2025 / March 3, 2025
    const before = Number(words[i - 1]);
    const after = Number(words[i + 1]);
    const year = [words[i + 1], words[i + 2]].map(Number).find((n) => n >= 1600 && n <= 2100);
    const day = before >= 1 && before <= 31 ? before : after >= 1 && after <= 31 ? after : undefined;
    if (day && year) candidates.push(iso(year, month, day));
  }
  return candidates.find((c) => c && isCalendarDate(c));
}

/** A folio: a page number alone, or with a section letter (A3, B12). */
const FOLIO = /^(?:[A-Z]?\d{1,3}|\d{1,3}[A-Z]?)$/u;

/**
 * The page's identity from its running head (and foot): the date wherever it is printed there, the folio as the
 * number standing alone or at either end of the head, the section as the head's words once the date and folio are
 * taken out (the largest such line when there are several).
 */
type Printed = { text: string; size: number; box: [number, number, number, number] };

export function pageIdentity(head: readonly Printed[], foot: readonly Printed[] = []): PageIdentity {
  const identity: PageIdentity = {};
  for (const line of [...head, ...foot]) {
    identity.date ??= printedDate(line.text);
  }
  const sections: { text: string; top: number; withFolio: boolean }[] = [];
  let folioLine: Printed | undefined;
  for (const line of head) {
    let text = line.text.trim();
    if (printedDate(text)) continue;
    const folio = /^([A-Z]?\d{1,3})\s+(.+)$|^(.+?)\s+([A-Z]?\d{1,3})$/u.exec(text);
    if (FOLIO.test(text)) {
      identity.folio ??= text;
      folioLine ??= line;
      continue;
    }
    if (folio && !identity.folio) {
      identity.folio = folio[1] ?? folio[4];
      folioLine = line;
      text = (folio[2] ?? folio[3]).trim();
    }
    if (/\p{L}/u.test(text) && Array.from(text).length <= 40)
      sections.push({ text, top: line.box[1], withFolio: line === folioLine });
  }
  // The section stands with the folio (on its line or its row); failing that, it is the head's top line.
  const row = (top: number) => !!folioLine && Math.abs(top - folioLine.box[1]) < folioLine.size;
  const section =
    sections.find((s) => s.withFolio) ?? sections.find((s) => row(s.top)) ?? sections.sort((a, b) => a.top - b.top)[0];
  if (section) identity.section = section.text;
  return identity;
}
