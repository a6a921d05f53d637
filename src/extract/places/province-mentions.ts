import { gazetteer } from './gazetteer.ts';
import type { AliasHit, PhraseSet, TrieNode } from './gazetteer.ts';
import { tokenizeText } from './province-tokens.ts';
import type { Token } from './province-tokens.ts';

/**
 * Finds the places where running text names a province. One pass over the words
 * walks a token trie of every alias (longest match first); the words around each
 * match then decide whether it is the province or something that shares its name:
 * a person (`ông Lê Thái Bình`), a commune or street (`xã Hòa Bình`), a firm
 * (`HTX Hòa Bình`), or a longer proper name (`Thái Bình Dương`).
 */

export type ProvinceMention = {
  /** Canonical province name. */
  province: string;
  start: number;
  end: number;
  text: string;
  /** Preceded by `tỉnh`, `thành phố`, `TP.` … or written with one (`TPHCM`): stronger evidence than a bare name. */
  prefixed: boolean;
  /** The prefix word(s) as written, when there is one. */
  prefix: { start: number; end: number; text: string } | null;
  /** Followed by `(cũ)`, `trước đây` …: the old unit named in a post-merger text, not the report's province. */
  former: boolean;
};

type Candidate = { from: number; to: number; hit: AliasHit; prefix: number | null };

const SPACE = /^[ \t\u00a0]+$/;
const INNER_GAP = /^[ \t\u00a0]*[-‐‑–—]?[ \t\u00a0]*$/;
const DOT_GAP = /^\.[ \t\u00a0]*$/;
function gapBetween(text: string, tokens: Token[], left: number): string {
  const a = tokens[left];
  const b = tokens[left + 1];
  return a === undefined || b === undefined ? '' : text.slice(a.end, b.start);
}

function isAbbreviation(text: string, token: Token): boolean {
  const word = text.slice(token.start, token.end);
  return word.length <= 4 && word === word.toUpperCase();
}

/** The longest alias that starts at word `from`, and the longest one that names a province. */
function matchAt(root: TrieNode, text: string, tokens: Token[], from: number): { longest: Candidate; province: Candidate | null } | null {
  let node: TrieNode | undefined = root.next.get(tokens[from]?.key ?? '');
  let longest: Candidate | null = null;
  let province: Candidate | null = null;
  let at = from;
  while (node !== undefined) {
    if (node.hit !== undefined) {
      longest = { from, to: at + 1, hit: node.hit, prefix: null };
      if (node.hit.province !== null) province = longest;
    }
    const gap = gapBetween(text, tokens, at);
    const next = tokens[at + 1];
    const current = tokens[at];
    if (next === undefined || current === undefined || gap === '') break;
    if (!INNER_GAP.test(gap) && !(DOT_GAP.test(gap) && isAbbreviation(text, current))) break;
    node = node.next.get(next.key);
    at++;
  }
  return longest === null ? null : { longest, province };
}

/** Index of the first word of a phrase of the set that ends right before word `before`, or -1. */
function findPhraseBefore(set: string[][], tokens: Token[], before: number): number {
  let found = -1;
  for (const phrase of set) {
    const start = before - phrase.length;
    if (start < 0 || (found >= 0 && start >= found)) continue;
    if (phrase.every((key, i) => tokens[start + i]?.key === key)) found = start;
  }
  return found;
}

function findPrefix(prefixes: string[][], text: string, tokens: Token[], from: number): number | null {
  const start = findPhraseBefore(prefixes, tokens, from);
  if (start < 0) return null;
  const gap = gapBetween(text, tokens, from - 1);
  // `TP.` may be followed by a dot (`TP. Cần Thơ`, `TP.HCM`); `tỉnh.` ends a sentence
  return SPACE.test(gap) || (tokens[from - 1]?.key === 'tp' && DOT_GAP.test(gap)) ? start : null;
}

/** True when word `index` follows the one before it with nothing but spaces. */
function touchesPrevious(text: string, tokens: Token[], index: number): boolean {
  return index > 0 && SPACE.test(gapBetween(text, tokens, index - 1));
}

function pick(set: PhraseSet, folded: boolean): string[][] {
  return folded ? set.folded : set.canonical;
}

/** True when the words right before a bare name make it a commune, firm or person. */
function isBlocked(text: string, tokens: Token[], from: number, folded: boolean): boolean {
  if (!touchesPrevious(text, tokens, from)) return false;
  const { place, organisation, organisationExceptions, person } = gazetteer.blockers;
  if (findPhraseBefore(pick(place, folded), tokens, from) >= 0) return true;
  if (findPhraseBefore(pick(person, folded), tokens, from) >= 0) return true;
  const org = findPhraseBefore(pick(organisation, folded), tokens, from);
  if (org >= 0) return findPhraseBefore(pick(organisationExceptions, folded), tokens, org) < 0;
  return false;
}

/** True when the capitalised words right before the name hold a surname or `Văn`/`Thị`. */
function isInPersonName(text: string, tokens: Token[], from: number, folded: boolean): boolean {
  const names = folded ? gazetteer.nameWords.folded : gazetteer.nameWords.canonical;
  for (let i = from - 1; i >= Math.max(0, from - 3); i--) {
    const token = tokens[i];
    if (token === undefined || !token.capitalised || !touchesPrevious(text, tokens, i + 1)) return false;
    if (names.has(token.key)) return true;
  }
  return false;
}

/** True when a capitalised word (not a surname) runs on from the name: `Hòa Bình Xanh`. */
function runsOn(text: string, tokens: Token[], to: number, folded: boolean): boolean {
  const next = tokens[to];
  if (next === undefined || !next.titleCase || !SPACE.test(gapBetween(text, tokens, to - 1))) return false;
  const surnames = folded ? gazetteer.surnames.folded : gazetteer.surnames.canonical;
  return !surnames.has(next.key);
}

function isAccepted(candidate: Candidate, text: string, tokens: Token[], folded: boolean): boolean {
  if (candidate.prefix !== null || candidate.hit.selfPrefixed) return true;
  if (!candidate.hit.bare) return false;
  for (let i = candidate.from; i < candidate.to; i++) if (tokens[i]?.capitalised !== true) return false;
  return (
    !isBlocked(text, tokens, candidate.from, folded) &&
    !isInPersonName(text, tokens, candidate.from, folded) &&
    !runsOn(text, tokens, candidate.to, folded)
  );
}

/** True when a surname and at least one more capitalised word start at word `at`. */
function startsFullName(text: string, tokens: Token[], at: number, surnames: Set<string>): boolean {
  const surname = tokens[at];
  const next = tokens[at + 1];
  return (
    surname !== undefined && next !== undefined && surnames.has(surname.key) && next.capitalised && SPACE.test(gapBetween(text, tokens, at))
  );
}

/**
 * Collects the longest match at each word, dropping those inside a longer one. A
 * prefixed name that runs into a surname is the province, not the longer name:
 * `tỉnh Thái Bình Dương Văn A` is Thái Bình and Mr Dương Văn A, not the Pacific.
 */
function collectCandidates(text: string, tokens: Token[], folded: boolean): Candidate[] {
  const root = folded ? gazetteer.tries.folded : gazetteer.tries.canonical;
  const prefixes = pick(gazetteer.prefixes, folded);
  const surnames = folded ? gazetteer.surnames.folded : gazetteer.surnames.canonical;
  const candidates: Candidate[] = [];
  let coveredTo = 0;
  for (let i = 0; i < tokens.length; i++) {
    const match = matchAt(root, text, tokens, i);
    if (match === null || match.longest.to <= coveredTo) continue;
    const prefix = findPrefix(prefixes, text, tokens, i);
    const { longest, province } = match;
    const candidate =
      longest.hit.province === null && prefix !== null && province !== null && startsFullName(text, tokens, province.to, surnames)
        ? province
        : longest;
    candidate.prefix = prefix;
    candidates.push(candidate);
    coveredTo = candidate.to;
  }
  return candidates;
}

/** Two names that overlap (`Thái Bình` / `Bình Dương` in `Thái Bình Dương`): only a prefixed one survives. */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i];
    const b = candidates[i + 1];
    if (a === undefined || b === undefined || b.from >= a.to) continue;
    if (a.prefix === null) dropped.add(a);
    dropped.add(b);
  }
  return candidates.filter((candidate) => !dropped.has(candidate));
}

/** True when a former-unit mark (`(cũ)`, `trước sáp nhập`) follows the name at word `to`. */
function isMarkedFormer(text: string, tokens: Token[], to: number, folded: boolean): boolean {
  if (to >= tokens.length || !/^[ \t\u00a0]*[(]?[ \t\u00a0]*$/.test(gapBetween(text, tokens, to - 1))) return false;
  return pick(gazetteer.formerMarks, folded).some((mark) => mark.every((key, i) => tokens[to + i]?.key === key));
}

function toMention(candidate: Candidate, province: string, text: string, tokens: Token[], folded: boolean): ProvinceMention {
  const start = tokens[candidate.from]?.start ?? 0;
  const end = tokens[candidate.to - 1]?.end ?? start;
  const prefixStart = candidate.prefix === null ? undefined : tokens[candidate.prefix]?.start;
  const prefixEnd = tokens[candidate.from - 1]?.end;
  const prefix =
    prefixStart === undefined || prefixEnd === undefined
      ? null
      : { start: prefixStart, end: prefixEnd, text: text.slice(prefixStart, prefixEnd) };
  const prefixed = prefix !== null || candidate.hit.selfPrefixed;
  return { province, start, end, text: text.slice(start, end), prefixed, prefix, former: isMarkedFormer(text, tokens, candidate.to, folded) };
}

/**
 * Every place NFC text names a province, in text order, as canonical names with
 * offsets. A bare name must be capitalised and not sit inside a person's name, a
 * commune, street or firm name; after `tỉnh`/`thành phố`/`TP.` any case counts.
 * Text written without diacritics is matched on its diacritic-free spellings.
 * `canonical`: the text is already in canonical tone marks (`normaliseText` output).
 */
export function findProvinceMentions(text: string, options: { canonical?: boolean } = {}): ProvinceMention[] {
  const { tokens, folded } = tokenizeText(text, options.canonical);
  const candidates = dropOverlaps(collectCandidates(text, tokens, folded));
  const mentions: ProvinceMention[] = [];
  for (const candidate of candidates) {
    const province = candidate.hit.province;
    if (province !== null && isAccepted(candidate, text, tokens, folded)) mentions.push(toMention(candidate, province, text, tokens, folded));
  }
  return mentions;
}

/**
 * Provinces named anywhere in a short label (an outlet tag, a title), without the
 * context checks of running text: `Cổng TTĐT tỉnh AG` → An Giang.
 */
export function listProvincesNamedIn(label: string): string[] {
  const { tokens, folded } = tokenizeText(label);
  const named = new Set<string>();
  for (const candidate of collectCandidates(label, tokens, folded)) {
    const province = candidate.hit.province;
    if (province !== null && (candidate.hit.bare || candidate.prefix !== null || candidate.hit.selfPrefixed)) named.add(province);
  }
  return [...named];
}
