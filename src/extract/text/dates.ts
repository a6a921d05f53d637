/**
 * Dates as Vietnamese reports write them: `Ngày 6/4/2021`, `Chiều ngày 29-01-2021`,
 * `Ngày 30 tháng 9 năm 2022`, `Ngày 8/7` (year elsewhere), `Ngày 26 - 2`.
 * Patterns run on shadow (folded) text, so offsets are those of the original.
 */

export type DateMention = { start: number; end: number; day: number; month: number; year?: number };

const SEP = '\\s*[/.\\-–]\\s*';
const LEAD = '(?:(?:sang|chieu|toi|trua|dem)\\s+(?:ngay\\s+)?|ngay\\s+|hom nay\\s+)';
const NUMERIC = new RegExp(`${LEAD}(\\d{1,2})${SEP}(\\d{1,2})(?:${SEP}(\\d{4}))?(?!\\d)`, 'g');
const WORDED = new RegExp(`${LEAD}(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*(?:nam|,)\\s*(\\d{4}))?`, 'g');
const BARE_FULL = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/g;

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

/** Every date expression introduced by `ngày`/`sáng`/`chiều`… or written in full as d/m/yyyy, in text order. */
export function findDates(shadow: string): DateMention[] {
  const found: DateMention[] = [];
  const seen = new Set<number>();
  for (const re of [NUMERIC, WORDED, BARE_FULL]) {
    re.lastIndex = 0;
    for (let m = re.exec(shadow); m; m = re.exec(shadow)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      const year = m[3] ? Number(m[3]) : undefined;
      if (!isValidDate(day, month, year)) continue;
      const dayStart = m.index + m[0].indexOf(m[1] as string);
      if (seen.has(dayStart)) continue;
      seen.add(dayStart);
      found.push({ start: m.index, end: m.index + m[0].length, day, month, ...(year ? { year } : {}) });
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
