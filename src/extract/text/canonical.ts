import { abbreviations } from '../lexicon.ts';
import { escapeRegExp } from './patterns.ts';

/**
 * Canonical spellings: abbreviations expanded from the data table, parentheses
 * and spacing tidied, first letter capitalised.
 */

const keys = Object.keys(abbreviations.expansions).sort((a, b) => b.length - a.length);
const ABBREVIATION = new RegExp(`(?<![\\p{L}\\p{N}&])(?:${keys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}&])`, 'gu');

/** Expands every abbreviation of the data table in `text` (`Sở KH&ĐT` → `Sở Kế hoạch và Đầu tư`). */
export function expandAbbreviations(text: string): string {
  return text.replace(ABBREVIATION, (m) => abbreviations.expansions[m] ?? m);
}

/** A display name: abbreviations expanded, parenthesised asides removed, spaces collapsed, capital first letter. */
export function canonicalName(surface: string): string {
  const expanded = expandAbbreviations(surface.replace(/\s*\([^)]*\)\s*/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/\s*[,;:–-]\s*$/, '')
    .trim();
  return expanded.charAt(0).toUpperCase() + expanded.slice(1);
}
