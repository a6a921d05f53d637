/**
 * Vietnamese number formats: `.` groups thousands (`1.300`, `141.099`), `,` marks
 * decimals (`2,5`, `16,3`), leading zeros are allowed (`06`).
 */

/** Source of a regex matching one Vietnamese number token. */
export const NUMBER_SOURCE = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?(?:\\.\\d{1,2}(?!\\d))?';

/** The value of a number token such as `1.300`, `2,5`, `06`; null when it is not one. */
export function parseVietnameseNumber(token: string): number | null {
  const t = token.trim();
  let normalised: string;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) normalised = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(t)) normalised = t.replace(',', '.');
  else if (/^\d+(?:\.\d{1,2})?$/.test(t)) normalised = t;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
