import { textOf, unitsOf } from './code-units.ts';

/**
 * Diacritic folding, the one implementation every stage uses: NFD, combining marks removed,
 * đ/Đ → d, lower case. Two shapes of it:
 * - `fold(text)`: a key for matching and identity — punctuation becomes a space, runs of spaces
 *   collapse, the ends are trimmed (`Hoà Bình`, `Hòa Bình`, ` HOÀ  BÌNH. ` → `hoa binh`);
 * - `shadowOf(text)`: a same-length copy, one code unit for one, so a pattern can match
 *   accent- and case-insensitively while every match offset still points into the original.
 * `foldPattern` folds a regular-expression source written in plain Vietnamese (the data files)
 * so it matches shadow text.
 */

/** The first steps of folding, on any text: NFD, combining marks removed, đ/Đ → d, lower case. */
export function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The definition of `fold`, on whole strings: what it returns for any text. */
export function foldSlowly(text: string): string {
  return stripMarks(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Folds text into a key (see the file comment).
 *
 * Text in the Latin scripts and general punctuation (every code unit below U+0370 or in
 * U+1E00–U+206F: all of Vietnamese, its dashes and quotes) is folded one code unit at a time from
 * a table built with the same steps as `foldSlowly`, which gives the same result several times
 * faster: folding is most of the cost of keying a report's entities. Any other text goes through
 * `foldSlowly`.
 */
export function fold(text: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const piece = pieceOf(text.charCodeAt(i));
    if (piece === undefined) return foldSlowly(text);
    if (piece === SEPARATOR) gap = out !== '';
    else if (piece !== '') {
      out += gap ? ' ' + piece : piece;
      gap = false;
    }
  }
  return out;
}

/** A table entry for a code unit that is neither a letter nor a digit once folded. */
const SEPARATOR = ' ';

/** Folded pieces of the code units below U+0370 and of U+1E00–U+206F, built on first use. */
const pieces: (string | undefined)[] = new Array<string | undefined>(0x2070).fill(undefined);

/**
 * What one code unit folds to in a key: letters and digits, '' (a combining mark, dropped without
 * breaking the word) or `SEPARATOR`; undefined outside those ranges (Greek, Cyrillic, CJK, …),
 * where case mapping can depend on the neighbouring characters (the Greek final sigma).
 */
function pieceOf(code: number): string | undefined {
  if (code >= 0x0370 && (code < 0x1e00 || code > 0x206f)) return undefined;
  let piece = pieces[code];
  if (piece === undefined) {
    const folded = stripMarks(String.fromCharCode(code));
    // A mark alone folds to ''; anything else is kept when every character of it is a letter or a digit.
    piece = folded === '' ? '' : /^[\p{L}\p{N}]+$/u.test(folded) ? folded : SEPARATOR;
    pieces[code] = piece;
  }
  return piece;
}

const charCache = new Map<string, string>();

/**
 * Folds one character into exactly one (lower case, marks removed, đ → d); a character
 * whose folding is not one character keeps its lower case. What `shadowOf` does per unit.
 */
export function foldChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    out = stripMarks(ch);
    if (out.length !== 1) out = ch.length === 1 ? ch.toLowerCase().slice(0, 1) || ch : ch;
    charCache.set(ch, out);
  }
  return out;
}

/** Folded code units for U+0000–U+1FFF (Latin and Vietnamese letters), built once. */
const TABLE = new Uint16Array(0x2000);
for (let c = 0; c < 0x2000; c++) TABLE[c] = foldChar(String.fromCharCode(c)).charCodeAt(0);
/** The same beyond U+1FFF, filled on first use (-1 until then). */
const HIGH = new Int32Array(0x10000 - 0x2000).fill(-1);

/** One code unit folded (see foldChar). */
export function foldUnit(unit: number): number {
  if (unit < 0x2000) return TABLE[unit] as number;
  let folded = HIGH[unit - 0x2000] as number;
  if (folded < 0) HIGH[unit - 0x2000] = folded = foldChar(String.fromCharCode(unit)).charCodeAt(0);
  return folded;
}

/**
 * A same-length folded copy of a text. Each UTF-16 unit maps to exactly one unit: Vietnamese
 * letters in NFC are single units, so stripping their marks never changes the length.
 */
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
