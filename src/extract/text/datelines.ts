import { noise } from '../lexicon.ts';
import { alternationOf } from './patterns.ts';
import { formatIsoDate } from './dates.ts';

/**
 * The page's own dates, as opposed to the dates of the events a report describes:
 * - datelines that portals print above or below an article (`Thứ hai - 14/09/2020 09:18`,
 *   `Cập nhật: 13:05 18/09/2020`, `(15:59 | 26/03/2021)`, `Ngày 27-04-2022 - Lượt xem: 28`):
 *   a line that holds a full date and otherwise only times, weekdays, counters and words such
 *   as `cập nhật`, `lượt xem`;
 * - an archive's marker at the start of a saved text (` date 2020-11`, ` date 2025-11-04`);
 * - the date in an address's path (`/2022/06/01/`, `/202011/`, `/2021-03-18/`).
 * A page date is when the page was published; the event it reports may be earlier.
 */

/** A date as precise as the source gives it: a year and month, or a whole day. */
export type PageDate = { year: number; month: number; day?: number };

const FULL_DATE = /(?<!\d)(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?!\d)/u;
const FULL_DATES = new RegExp(FULL_DATE.source, 'gu');
const TIME = /(?<!\d)\d{1,2}\s*[:h]\s*\d{1,2}'?(?:\s*:\s*\d{2})?(?!\d)/gu;
const WORDS = new RegExp(`(?<![a-z0-9])(?:${alternationOf(noise.datelineWords)})(?![a-z0-9])`, 'gu');
/** What may remain of a dateline once its dates, times and words are gone: counters and separators. */
const REST = /^[\s\d|•·,:;()[\]/.\-–—]*$/u;
const ARCHIVE = new RegExp(`^${noise.archiveMarker}(?:\\s+|$)`, 'u');

/** The first full date written in a text, as a page date (null when it is not a real date). */
function firstFullDate(text: string): PageDate | null {
  const m = FULL_DATE.exec(text);
  if (!m) return null;
  const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const iso = formatIsoDate(Number(year), Number(month), Number(day));
  return iso === null ? null : { year: Number(year), month: Number(month), day: Number(day) };
}

/**
 * The date of a dateline, or null when the line says anything else. `folded` is the line's
 * shadow (folded) text; a line that ends in a comma opens a sentence (`Ngày 09/01/2025,`).
 */
export function readDateline(folded: string): PageDate | null {
  if (folded.length > 90 || /,\s*$/u.test(folded)) return null;
  const date = firstFullDate(folded);
  if (date === null) return null;
  const rest = folded.replace(FULL_DATES, ' ').replace(TIME, ' ').replace(WORDS, ' ');
  return REST.test(rest) ? date : null;
}

/** An archive's date marker opening a text (` date 2020-11 …`): the date and where the text after it starts. */
export function readArchiveMarker(line: string): { date: PageDate; end: number } | null {
  const m = ARCHIVE.exec(line);
  if (!m?.[1]) return null;
  const [year, month, day] = m[1].split('-').map(Number) as [number, number, number | undefined];
  if (month < 1 || month > 12) return null;
  if (day !== undefined && formatIsoDate(year, month, day) === null) return null;
  return { date: day === undefined ? { year, month } : { year, month, day }, end: m[0].length };
}

const PATH_DATES = [
  /\/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-])/u,
  /\/((?:19|20)\d\d)(\d\d)(\d\d)(?=\/)/u,
  /\/((?:19|20)\d\d)[/-](\d{1,2})(?=\/)/u,
  /\/((?:19|20)\d\d)(\d\d)(?=\/)/u,
];

/** The date an address's path carries (`/2022/06/01/`, `/20221103/`, `/2022/06/`, `/202011/`), if any. */
export function readUrlDate(url: string): PageDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of PATH_DATES) {
    const m = re.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month < 1 || month > 12) continue;
    if (day !== undefined) {
      if (formatIsoDate(year, month, day) === null) continue;
      return { year, month, day };
    }
    return { year, month };
  }
  return null;
}

/** A page date as `YYYY-MM-DD`, or null when it lacks the day. */
export function toIsoDay(date: PageDate | null | undefined): string | null {
  return date?.day === undefined ? null : formatIsoDate(date.year, date.month, date.day);
}
