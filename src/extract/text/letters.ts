/**
 * Letter classes of UTF-16 text, looked up per character instead of through a
 * regex's Unicode property tables: scanning a report for word-initial capitals
 * (`(?<![\p{L}\p{N}])\p{Lu}`) this way is several times faster. Results agree with
 * the `u`-flag regexes, surrogate pairs included. Texts come as code units (unitsOf).
 */

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
