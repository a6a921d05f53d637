import { z } from 'zod';
import table from '../data/tone-marks.json' with { type: 'json' };

/**
 * One tone-mark spelling for Vietnamese text: the placement used by canonical names
 * (`Hòa`, `Thủy`, `Ủy`, `Đắk`). The spelling table lives in `data/tone-marks.json`.
 */

const tableSchema = z.object({
  description: z.string().optional(),
  pairs: z.record(z.string().length(2), z.string().length(2)),
  words: z.record(z.string().min(1), z.string().min(1)),
});

const parsed = tableSchema.safeParse(table);
if (!parsed.success) {
  throw new Error(`tone-marks.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/** Every case form of a lower-case spelling: `oà`, `Oà`, `OÀ`, and `oÀ` for odd capitalisation. */
function listCaseForms(lower: string): string[] {
  const chars = [...lower];
  let forms = [''];
  for (const char of chars) {
    forms = forms.flatMap((prefix) => [prefix + char, prefix + char.toUpperCase()]);
  }
  return forms;
}

/** Maps `from` to `to` in the same letter case, character by character. */
function matchCase(from: string, to: string): string {
  const source = [...from];
  return [...to].map((char, i) => (source[i] !== undefined && source[i] !== source[i]?.toLowerCase() ? char.toUpperCase() : char)).join('');
}

function buildReplacements(entries: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(entries)) {
    const lowerFrom = from.normalize('NFC').toLowerCase();
    const lowerTo = to.normalize('NFC').toLowerCase();
    if (lowerFrom.length !== lowerTo.length) {
      throw new Error(`tone-marks.json: "${from}" → "${to}" must keep the length of the text`);
    }
    for (const form of listCaseForms(lowerFrom)) map.set(form, matchCase(form, lowerTo));
  }
  return map;
}

const pairs = buildReplacements(parsed.data.pairs);
const words = buildReplacements(parsed.data.words);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The pairs as `(?:o[àá…]|u[ỳý…]|…)`: one class of second letters per first letter, which
 * the regex engine tests far faster than a list of every pair in every case.
 */
function pairAlternation(keys: string[]): string {
  if (keys.some((key) => key.length !== 2 || [...key].length !== 2)) return keys.map(escapeRegExp).join('|');
  const seconds = new Map<string, Set<string>>();
  for (const key of keys) {
    const first = key.charAt(0);
    if (!seconds.has(first)) seconds.set(first, new Set());
    seconds.get(first)?.add(key.charAt(1));
  }
  const inClass = (char: string): string => char.replace(/[\\\]^-]/g, '\\$&');
  return [...seconds].map(([first, set]) => `${escapeRegExp(first)}[${[...set].map(inClass).join('')}]`).join('|');
}

/** A vowel pair at the end of a syllable, not after `q` (in `quý` the `u` belongs to `qu`). */
const pairPattern = new RegExp(`(?<![qQ])(?:${pairAlternation([...pairs.keys()])})(?![\\p{L}\\p{M}])`, 'gu');
const wordPattern =
  words.size === 0
    ? null
    : new RegExp(`(?<![\\p{L}\\p{M}])(?:${[...words.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}])`, 'gu');

/**
 * Rewrites text into the canonical tone-mark spelling (`Hoà` → `Hòa`, `Thuỷ` → `Thủy`,
 * `Uỷ` → `Ủy`, `Đăk Lăk` → `Đắk Lắk`) and returns it in NFC. For NFC input the result
 * has the same length, so offsets into the one are offsets into the other.
 */
export function canonicalToneMarks(text: string): string {
  const nfc = text.normalize('NFC');
  const paired = nfc.replace(pairPattern, (match) => pairs.get(match) ?? match);
  return wordPattern === null ? paired : paired.replace(wordPattern, (match) => words.get(match) ?? match);
}
