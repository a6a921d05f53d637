import { foldPattern } from './fold.ts';
import { WordLists, WordScanner } from './word-scanner.ts';
import { WORD_LETTER } from './chars.ts';

/**
 * Regular expressions built from data-file word lists, to be run on shadow
 * (folded) text: whole words only, longest alternative first.
 */

/** Word boundaries (see WORD_LETTER). */
const BEFORE = `(?<![${WORD_LETTER}])`;
const AFTER = `(?![${WORD_LETTER}])`;

/** What scanning code needs of a global RegExp; a WordScanner has it too. */
export type Scanner = { lastIndex: number; readonly unicode: boolean; exec(text: string): RegExpExecArray | null };

/**
 * Every match of a global regex in `text`, as `[...text.matchAll(re)]` gives them but
 * without the copy of the regex that `matchAll` makes on each call (which re-reads the
 * whole source of a long word list). Leaves `re.lastIndex` at 0.
 */
export function allMatches(re: Scanner, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0] === '') re.lastIndex = advancePastEmpty(text, re.lastIndex, re.unicode);
  }
  return found;
}

/** Where matching resumes after an empty match: the next code unit, or code point with the `u` flag. */
function advancePastEmpty(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type TrieNode = { next: Map<string, TrieNode>; end: boolean };

/** The atoms of an escaped pattern: an escape pair, `\s+`, or one character. */
function atomsOf(pattern: string): string[] {
  return pattern.match(/\\s\+|\\.|[\s\S]/gu) ?? [];
}

function emit(node: TrieNode): string {
  const branches = [...node.next.entries()].map(([atom, child]) => atom + emit(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  return branches.length === 1 && atomsOf(body).length === 1 ? `${body}?` : `(?:${branches.length === 1 ? body : branches.join('|')})?`;
}

/**
 * The alternation of folded, escaped words as a prefix trie (`ban (?:chi dao|chap hanh)`),
 * so a regex tries each letter once instead of every word in turn; a longer word
 * wins over its prefix. No boundaries, no outer group.
 */
export function alternationOf(list: readonly string[]): string {
  return trieOf(list.map((w) => foldPattern(escapeRegExp(w.trim())).replace(/ /g, '\\s+')));
}

/** The alternation of words kept as written, lower-cased (for text where diacritics matter), as a prefix trie. */
function exactAlternationOf(list: readonly string[]): string {
  return trieOf(list.map((w) => escapeRegExp(w.trim().toLowerCase().normalize('NFC')).replace(/ /g, '\\s+')));
}

/** Escaped words (atoms: escape pairs, `\\s+`, characters) as one alternation built on their prefix trie. */
function trieOf(words: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of new Set(words)) {
    let node = root;
    for (const atom of atomsOf(word)) {
      let child = node.next.get(atom);
      if (!child) node.next.set(atom, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const branches = [...root.next.entries()].map(([atom, child]) => atom + emit(child));
  return branches.join('|');
}

/** A global search for any of the words as whole words in shadow text. */
export function compileWords(list: readonly string[]): WordScanner {
  return new WordScanner(alternationOf(list));
}

/** The characters (folded) that the words of a list can start with. */
function firstCharsOf(list: readonly string[]): Set<string> {
  const chars = new Set<string>();
  for (const word of list) {
    const atom = atomsOf(foldPattern(escapeRegExp(word.trim())))[0];
    if (atom !== undefined) chars.add(atom.length === 2 && atom.startsWith('\\') ? atom.charAt(1) : atom);
  }
  return chars;
}

/** Several word lists to search in one pass (WordLists): the matches of each, as compileWords would find them. */
export function compileWordLists(lists: readonly (readonly string[])[]): WordLists {
  const sources = lists.map((list) => ({ alternation: alternationOf(list), firstChars: firstCharsOf(list) }));
  return new WordLists(sources, alternationOf(lists.flat()));
}

/** Like compileWordLists, but for lower-cased original text: diacritics must match (`tặng` is not `tăng`). */
export function compileExactWordLists(lists: readonly (readonly string[])[]): WordLists {
  const sources = lists.map((list) => ({ alternation: exactAlternationOf(list), firstChars: new Set(list.map((w) => w.trim().toLowerCase().normalize('NFC').charAt(0))) }));
  return new WordLists(sources, exactAlternationOf(lists.flat()));
}

/** A regex from a data-file pattern (plain Vietnamese), folded for shadow text. */
export function compilePattern(source: string, flags = ''): RegExp {
  const folded = foldPattern(source);
  return new RegExp(folded, /\\[pP]\{/.test(folded) && !flags.includes('u') ? `${flags}u` : flags);
}

/** A regex matching the words only when they end the given text (after optional spaces). */
export function compileWordsAtEnd(list: readonly string[]): RegExp {
  return new RegExp(`${BEFORE}(?:${alternationOf(list)})\\s*$`);
}

/** A regex matching the words only at the very start of the given text (after optional spaces). */
export function compileWordsAtStart(list: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${alternationOf(list)})${AFTER}`);
}

/** Like compileWordsAtStart, but for lower-cased original text: diacritics must match (`khóa` is not `khoa`). */
export function compileExactWordsAtStart(list: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${exactAlternationOf(list)})${AFTER}`);
}

/** A global search for the words in lower-cased original text, diacritics exact (`họp` is not `hợp`). */
export function compileExactWords(list: readonly string[]): WordScanner {
  return new WordScanner(exactAlternationOf(list));
}
