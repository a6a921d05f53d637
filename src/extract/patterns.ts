import { foldPattern } from './shadow.ts';

/**
 * Regular expressions built from data-file word lists, to be run on shadow
 * (folded) text: whole words only, longest alternative first.
 */

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The alternation of folded, escaped words, longest first (no boundaries, no group). */
export function alternationOf(list: readonly string[]): string {
  const folded = [...new Set(list.map((w) => foldPattern(escapeRegExp(w.trim())).replace(/ /g, '\\s+')))];
  folded.sort((a, b) => b.length - a.length);
  return folded.join('|');
}

/** A global regex finding any of the words as whole words in shadow text. */
export function compileWords(list: readonly string[], flags = 'gu'): RegExp {
  return new RegExp(`${BEFORE}(?:${alternationOf(list)})${AFTER}`, flags);
}

/** A regex from a data-file pattern (plain Vietnamese), folded for shadow text. */
export function compilePattern(source: string, flags = 'u'): RegExp {
  return new RegExp(foldPattern(source), flags);
}

/** A regex matching the words only when they end the given text (after optional spaces). */
export function compileWordsAtEnd(list: readonly string[]): RegExp {
  return new RegExp(`${BEFORE}(?:${alternationOf(list)})\\s*$`, 'u');
}

/** A regex matching the words only at the very start of the given text (after optional spaces). */
export function compileWordsAtStart(list: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${alternationOf(list)})${AFTER}`, 'u');
}

/** Like compileWordsAtStart, but for lower-cased original text: diacritics must match (`khóa` is not `khoa`). */
export function compileExactWordsAtStart(list: readonly string[]): RegExp {
  const alternatives = [...new Set(list.map((w) => escapeRegExp(w.trim().toLowerCase().normalize('NFC')).replace(/ /g, '\\s+')))];
  alternatives.sort((a, b) => b.length - a.length);
  return new RegExp(`^\\s*(?:${alternatives.join('|')})${AFTER}`, 'u');
}
