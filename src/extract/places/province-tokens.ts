import { unitsOf } from '../text/code-units.ts';
import { fold, shadowOf } from '../text/fold.ts';
import { caseOf, isWordCode } from '../text/chars.ts';
import { canonicalToneMarks } from '../text/tone-marks.ts';

/**
 * Words of a text for province matching, with offsets into the text and keys that
 * ignore case and tone-mark placement (`Hoà`, `HÒA` → `hòa`), or all diacritics
 * (`hoa`) for text written without them.
 */

/** A word of text: its span, matching key, and capitalisation. */
export type Token = {
  start: number;
  end: number;
  key: string;
  /** First letter upper case: `Hòa`, `HÒA`. */
  capitalised: boolean;
  /** First letter upper case and the second lower case: `Hòa`, not `HÒA` or `HTX`. */
  titleCase: boolean;
  /** Holds a letter outside ASCII (a diacritic, or `đ`). */
  marked: boolean;
};

/** Below this share of words with diacritics, a text is taken as written without them. */
const DIACRITIC_FREE_SHARE = 0.05;

/**
 * Finds the words of `text`. `keys` is a same-length copy to take keys from (canonical
 * tone marks, or folded), or null to key each word on its own.
 */
function scan(text: string, keys: string | null, folded: boolean): Token[] {
  const tokens: Token[] = [];
  const units = unitsOf(text);
  const length = units.length;
  let i = 0;
  while (i < length) {
    if (!isWordCode(units[i] as number)) {
      i++;
      continue;
    }
    const start = i;
    let marked = false;
    for (; i < length && isWordCode(units[i] as number); i++) {
      if ((units[i] as number) >= 0x80) marked = true;
    }
    const capitalised = (caseOf(units[start] as number) & 1) !== 0;
    const titleCase = capitalised && i - start > 1 && (caseOf(units[start + 1] as number) & 2) !== 0;
    // words that start in lower case are keyed as written: names never hide capitals inside
    const key = keys === null ? wordKey(text.slice(start, i), folded) : capitalised ? keys.slice(start, i).toLowerCase() : keys.slice(start, i);
    tokens.push({ start, end: i, key, capitalised, titleCase, marked });
  }
  return tokens;
}

function wordKey(word: string, folded: boolean): string {
  return folded ? fold(word) : canonicalToneMarks(word).toLowerCase();
}

/**
 * A same-length diacritic-free lower-case copy of text, or null when none keeps the length.
 * `canonical`: the text is already in canonical tone marks (see tokenizeText).
 */
function foldAligned(text: string, canonical = false): string | null {
  const lower = (canonical ? text : canonicalToneMarks(text)).toLowerCase();
  return lower.length === text.length ? shadowOf(lower) : null;
}

/** A same-length copy of text in canonical tone marks, or null when it would not keep the length. */
function canonicalAligned(text: string, canonical = false): string | null {
  if (canonical) return text;
  const rewritten = canonicalToneMarks(text);
  return rewritten.length === text.length ? rewritten : null;
}

/**
 * Splits text into words. With `folded`, keys are diacritic-free (`hoa`), otherwise
 * they keep diacritics in canonical tone-mark spelling (`hòa`); both lower case.
 */
export function tokenize(text: string, folded: boolean): Token[] {
  return scan(text, folded ? foldAligned(text) : canonicalAligned(text), folded);
}

/**
 * Splits running text into words, deciding from the text itself whether it is written
 * with diacritics (keys `hòa`) or without (keys `hoa`, and `folded` is true). With
 * `canonical`, the caller vouches that the text is already in canonical tone marks
 * (as `normaliseText` leaves it), so it is not rewritten a second time.
 */
export function tokenizeText(text: string, canonical = false): { tokens: Token[]; folded: boolean } {
  const tokens = scan(text, canonicalAligned(text, canonical), false);
  let marked = 0;
  for (const token of tokens) if (token.marked) marked++;
  if (tokens.length > 0 && marked / tokens.length >= DIACRITIC_FREE_SHARE) return { tokens, folded: false };
  const folded = foldAligned(text, canonical);
  for (const token of tokens) {
    token.key = folded === null ? fold(text.slice(token.start, token.end)) : folded.slice(token.start, token.end);
  }
  return { tokens, folded: true };
}
