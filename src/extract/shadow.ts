/**
 * A same-length folded copy of a text, so that patterns can match case- and
 * accent-insensitively while every match offset still points into the original.
 * Each UTF-16 unit maps to exactly one unit: Vietnamese letters in NFC are single
 * units, so stripping their marks never changes the length.
 */
const cache = new Map<string, string>();

/** Folds one character: lower case, diacritics removed, đ → d; other characters unchanged. */
export function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (out.length !== 1) out = ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
    cache.set(ch, out);
  }
  return out;
}

/** Folded code units for U+0000–U+1FFF (Latin and Vietnamese letters), built once. */
const TABLE = new Uint16Array(0x2000);
for (let c = 0; c < 0x2000; c++) TABLE[c] = foldChar(String.fromCharCode(c)).charCodeAt(0);
const utf16 = new TextDecoder('utf-16le');
const SMALL = Array.from(TABLE, (u) => String.fromCharCode(u));
/** Scratch space for long texts, grown on demand: one allocation instead of one per text. */
let units = new Uint16Array(4096);

/** Folds a whole text unit by unit; the result has the same length as the input. */
export function shadowOf(text: string): string {
  const length = text.length;
  if (length < 96) {
    let out = '';
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      out += c < 0x2000 ? SMALL[c] : foldChar(text[i] as string);
    }
    return out;
  }
  if (units.length < length) units = new Uint16Array(Math.max(length, units.length * 2));
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c < 0x2000 ? (TABLE[c] as number) : foldChar(text[i] as string).charCodeAt(0);
  }
  return utf16.decode(units.subarray(0, length));
}

/**
 * Folds a regular-expression source written in plain Vietnamese (as in the data
 * files) so it matches a shadow text; escapes such as `\S` or `\D` keep their case.
 */
export function foldPattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < source.length) {
      out += ch + (source[i + 1] as string);
      i++;
    } else out += foldChar(ch);
  }
  return out;
}
