import type { Language } from './i18n.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day (`YYYY-MM-DD`, as the graph stores it) as a reader of the language writes it: `04/01/2024`
 * in Vietnamese (day, month, year), `4 Jan 2024` in English. A month (`YYYY-MM`) likewise
 * (`01/2024`, `Jan 2024`); a year or anything else as it is.
 */
export function formatDay(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const day = ISO_DAY.exec(value);
  if (day) {
    const [, year, month, date] = day;
    return language === 'vi' ? `${date}/${month}/${year}` : `${Number(date)} ${monthsEn[Number(month) - 1] ?? month} ${year}`;
  }
  const month = ISO_MONTH.exec(value);
  if (month) {
    const [, year, number] = month;
    return language === 'vi' ? `${number}/${year}` : `${monthsEn[Number(number) - 1] ?? number} ${year}`;
  }
  return value;
}

/** A number as the language writes it: `16.300` and `2,5` in Vietnamese, `16,300` and `2.5` in English. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/**
 * A day typed by the analyst, as `YYYY-MM-DD`: accepts `2024-01-04` and the day-first forms
 * Vietnamese readers write (`04/01/2024`, `4/1/2024`, `4-1-2024`, `4.1.2024`). Null when it is no
 * real day.
 */
export function parseDayInput(text: string): string | null {
  const trimmed = text.trim();
  let parts: [string, string, string] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dayFirst) parts = [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!];
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How a day is typed in the language, shown as a placeholder. */
export function dayPattern(language: Language): string {
  return language === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}
