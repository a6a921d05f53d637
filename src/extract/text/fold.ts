/**
 * Folds Vietnamese text for matching and keys: NFD, combining marks removed,
 * đ/Đ → d, lower case, punctuation to spaces, runs of spaces collapsed.
 * `Hoà Bình`, `Hòa Bình` and `hoa binh` all fold to `hoa binh`.
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

/** The definition of folding, on whole strings: what `fold` returns for any text. */
export function foldSlowly(text: string): string {
  return stripMarks(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The first steps of folding: NFD, combining marks removed, đ/Đ → d, lower case. */
function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A table entry for a code unit that is neither a letter nor a digit once folded. */
const SEPARATOR = ' ';

/** Folded pieces of the code units below U+0370 and of U+1E00–U+206F, built on first use. */
const pieces: (string | undefined)[] = new Array<string | undefined>(0x2070).fill(undefined);

/**
 * What one code unit folds to: letters and digits, '' (a combining mark, dropped without
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
