/**
 * Character classes of UTF-16 text, the one module every stage asks: letters, digits, capitals,
 * word characters and letter case, looked up per code unit in tables instead of through a regex's
 * Unicode property tables (scanning a report for word-initial capitals this way is several times
 * faster). Results agree with the `u`-flag regexes, surrogate pairs included.
 */

/**
 * Letters and digits for word boundaries in regex sources, without the `u` flag (irregexp runs
 * these faster): shadow and lower-cased texts are Latin, Vietnamese letters sit below U+2000.
 */
export const WORD_LETTER = 'a-zA-Z0-9\\u00c0-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff';

/** Whether a UTF-16 code unit is in WORD_LETTER. */
export function isWordLetter(unit: number): boolean {
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39);
  return (unit >= 0xc0 && unit <= 0x24f) || (unit >= 0x300 && unit <= 0x36f) || (unit >= 0x1e00 && unit <= 0x1eff);
}

/** Word characters by UTF-16 code unit beyond ASCII: 1 yes, 0 no, -1 not yet tested. */
const wordCodes = new Int8Array(65536).fill(-1);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** Whether a code unit is a letter, a combining mark or a digit (any script). */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordCodes[code] ?? 0;
  if (known < 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;
    wordCodes[code] = known;
  }
  return known === 1;
}

/**
 * Case of a single code unit: bit 1 when lower-casing changes it (`H`, `Ò`), bit 2 when
 * upper-casing does (`h`, `ò`); -1 not yet tested. Per unit, so a word is not re-cased.
 */
const caseCodes = new Int8Array(65536).fill(-1);

/** The case bits of a code unit (see caseCodes): 1 upper, 2 lower. */
export function caseOf(code: number): number {
  let known = caseCodes[code] ?? 0;
  if (known < 0) {
    const char = String.fromCharCode(code);
    known = (char !== char.toLowerCase() ? 1 : 0) | (char !== char.toUpperCase() ? 2 : 0);
    caseCodes[code] = known;
  }
  return known;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

/** Per code unit below U+10000: bit 1 letter or digit, bit 2 upper-case letter; -1 not yet known. */
const classes = new Int8Array(0x10000).fill(-1);
/** The same for code points beyond U+FFFF, which need a surrogate pair. */
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  return (LETTER_OR_DIGIT.test(char) ? 1 : 0) | (UPPER.test(char) ? 2 : 0);
}

function isLead(unit: number | undefined): boolean {
  return unit !== undefined && unit >= 0xd800 && unit <= 0xdbff;
}

function isTrail(unit: number | undefined): boolean {
  return unit !== undefined && unit >= 0xdc00 && unit <= 0xdfff;
}

/** The class bits of the code point that starts at `index`. */
function classAt(units: Uint16Array, index: number): number {
  const unit = units[index] as number;
  const next = units[index + 1];
  if (isLead(unit) && isTrail(next)) {
    const point = 0x10000 + ((unit - 0xd800) << 10) + ((next as number) - 0xdc00);
    let known = astralClasses.get(point);
    if (known === undefined) astralClasses.set(point, (known = classify(String.fromCodePoint(point))));
    return known;
  }
  let known = classes[unit] as number;
  if (known < 0) classes[unit] = known = classify(String.fromCharCode(unit));
  return known;
}

/** The class bits of the code point that ends right before `index` (0 at the start). */
function classBefore(units: Uint16Array, index: number): number {
  if (index <= 0) return 0;
  const start = index >= 2 && isTrail(units[index - 1]) && isLead(units[index - 2]) ? index - 2 : index - 1;
  return classAt(units, start);
}

/** 2 when a surrogate pair starts at `index`, else 1. */
export function codePointWidth(units: Uint16Array, index: number): number {
  return isLead(units[index]) && isTrail(units[index + 1]) ? 2 : 1;
}

/**
 * The first index at or after `from` where an upper-case letter starts a word (no letter
 * or digit right before it), or -1: where `/(?<![\p{L}\p{N}])\p{Lu}/gu` matches from
 * that `lastIndex` (a start inside a surrogate pair steps back to the pair, as V8 does).
 */
export function findWordCapital(units: Uint16Array, from: number): number {
  let i = from > 0 && isTrail(units[from]) && isLead(units[from - 1]) ? from - 1 : from;
  while (i < units.length) {
    if ((classAt(units, i) & 2) !== 0 && (classBefore(units, i) & 1) === 0) return i;
    i += codePointWidth(units, i);
  }
  return -1;
}
