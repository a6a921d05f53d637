import { textOf, unitsOf } from './code-units.ts';

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
/** The same beyond U+1FFF, filled on first use (-1 until then). */
const HIGH = new Int32Array(0x10000 - 0x2000).fill(-1);

function foldUnit(unit: number): number {
  if (unit < 0x2000) return TABLE[unit] as number;
  let folded = HIGH[unit - 0x2000] as number;
  if (folded < 0) HIGH[unit - 0x2000] = folded = foldChar(String.fromCharCode(unit)).charCodeAt(0);
  return folded;
}

/** Folds a whole text unit by unit; the result has the same length as the input. */
export function shadowOf(text: string): string {
  const units = unitsOf(text);
  for (let i = 0; i < units.length; i++) units[i] = foldUnit(units[i] as number);
  return textOf(units);
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
