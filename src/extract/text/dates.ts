/**
 * Dates as Vietnamese reports write them: `Ngày 6/4/2021`, `Chiều ngày 29-01-2021`,
 * `Ngày 30 tháng 9 năm 2022`, `Ngày 8/7` (year elsewhere), `Ngày 26 - 2`, `Sáng nay (17/10)`,
 * `Hôm qua 3.7`, and the first day of a span, `Trong 2 ngày 09 và 10/9`, `(11 và 12/2)`.
 * Patterns run on shadow (folded) text, so offsets are those of the original.
 */

/**
 * A date the text names. `lead`: introduced by a time of day or `ngày` (`Sáng 18/9`), as the date
 * of what a sentence reports is; `span`: the first day of several (`09 và 10/9`); `ranged`: one end
 * of a range of full dates (`19/10/1993 - 19/10/2023`), an anniversary or a period, not an event;
 * `aside`: a bare day and month in brackets (`Ngày Hợp tác xã Việt Nam (11/4)`).
 */
export type DateMention = { start: number; end: number; day: number; month: number; year?: number; lead?: boolean; span?: boolean; ranged?: boolean; aside?: boolean };

const SEP = '\\s*[/.\\-–]\\s*';
const LEAD = '(?:(?:sang|chieu|toi|trua|dem|hom)\\s+(?:nay\\s*\\(\\s*|qua\\s+|ngay\\s+|nay\\s+)?|ngay\\s+|trong\\s+(?:\\d\\s+)?ngay\\s*\\(?\\s*|vao ngay\\s+)';
const NUMERIC = new RegExp(`${LEAD}(\\d{1,2})${SEP}(\\d{1,2})(?:${SEP}(\\d{4}))?(?!\\d)`, 'dg');
const WORDED = new RegExp(`${LEAD}(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*(?:nam|,)\\s*(\\d{4}))?`, 'dg');
const SPAN = new RegExp(`${LEAD}(\\d{1,2})(?:\\s*(?:va|den|,|[-–])\\s*\\d{1,2})+\\s*[/.]\\s*(\\d{1,2})(?:[/.-](\\d{4}))?(?![\\d/])`, 'dg');
const BARE_FULL = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/dg;
const ASIDE = /\((\d{1,2})\/(\d{1,2})\)/dg;
/** Each form, and what it says of the dates it finds. */
const FORMS: [RegExp, Partial<DateMention>][] = [
  [SPAN, { lead: true, span: true }],
  [NUMERIC, { lead: true }],
  [WORDED, { lead: true }],
  [BARE_FULL, {}],
  [ASIDE, { aside: true }],
];
const RANGE_AFTER = /^\s*[-–]\s*\d{1,2}\s*[/.-]\s*\d{1,2}[/.-]\d{4}/u;
const RANGE_BEFORE = /\d{1,2}\s*[/.-]\s*\d{1,2}[/.-]\d{4}\s*[-–]\s*$/u;

/** Checks that day and month form a real calendar date (leap years included when the year is known). */
export function isValidDate(day: number, month: number, year = 2000): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a date as YYYY-MM-DD, or null when it is not a real date. */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1945 || year > 2100 || !isValidDate(day, month, year)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Every date expression introduced by `ngày`/`sáng`/`chiều`…, written in full as d/m/yyyy, the
 * first day of a span, or a day and month in brackets, in text order (see DateMention).
 */
export function findDates(shadow: string): DateMention[] {
  const found: DateMention[] = [];
  const seen = new Set<number>();
  // a span claims its later days too (`06 và 07/10/2022` is one date, the first day)
  const spans: { start: number; end: number }[] = [];
  for (const [re, flags] of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(shadow); m; m = re.exec(shadow)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      const year = m[3] ? Number(m[3]) : undefined;
      const dayStart = m.indices?.[1]?.[0] ?? m.index;
      const end = m.index + m[0].length;
      if (!isValidDate(day, month, year) || seen.has(dayStart) || spans.some((x) => dayStart >= x.start && dayStart < x.end)) continue;
      seen.add(dayStart);
      if (flags.span) spans.push({ start: m.index, end });
      const ranged = year !== undefined && (RANGE_AFTER.test(shadow.slice(end, end + 16)) || RANGE_BEFORE.test(shadow.slice(Math.max(0, m.index - 16), m.index)));
      found.push({ start: m.index, end, day, month, ...(year ? { year } : {}), ...flags, ...(ranged ? { ranged } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Parses a publication date written as d/m/yyyy (with optional weekday and time) or yyyy-mm-dd. */
export function parseLooseDate(text: string): string | null {
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return formatIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(text);
  if (dmy) return formatIsoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return null;
}

/** Years written as `năm YYYY` (or standalone four-digit years 1990–2099) in shadow text. */
export function findYears(shadow: string): number[] {
  const years: number[] = [];
  for (const m of shadow.matchAll(/(?<![\d/.,-])(19[9]\d|20\d\d)(?![\d/.,])/gu)) years.push(Number(m[1]));
  return years;
}
