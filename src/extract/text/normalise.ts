import { noise } from '../lexicon.ts';
import { compilePattern, compileWords } from './patterns.ts';
import { shadowOf } from './fold.ts';
import { readArchiveMarker, readDateline } from './datelines.ts';
import type { PageDate } from './datelines.ts';

/**
 * Turns raw report text into the normalised text that every offset of the
 * record refers to: NFC, one tone-mark spelling, no BOM or CR, single spaces,
 * and no web-page debris (navigation lines, buttons, image file names).
 * What the debris said about the page (outlet, publication date) is kept aside.
 */

export type NormalisedText = {
  text: string;
  /** Spans of the kept lines in `text`, in order. */
  lines: { start: number; end: number }[];
  /** The outlet named by a "welcome to …" navigation line. */
  welcomeOutlet?: string;
  /** A short line that only names the outlet (`BÁO BẮC KẠN`), removed from the text. */
  outletLine?: string;
  /** The page's own date: the first dateline above or below the article, or an archive's marker opening the text. */
  pageDate?: PageDate;
  /** How many lines were dropped as page debris. */
  dropped: number;
};

const dropLine = new RegExp(`^(?:${noise.dropLines.map((p) => compilePattern(p).source).join('|')})$`);
const welcome = compilePattern(`^${noise.welcome}$`);
const outletOnly = new RegExp(`^(?:${compileWords(noise.outletHeads).source})(?:\\s+[a-z0-9\\u00c0-\\u1fff-]+){1,5}$`);

/** A line broken mid-sentence: it ends in a lower-case word or comma and the next starts in lower case or a digit. */
const WRAPPED_END = /[\p{Ll},]$/u;
const WRAPPED_START = /^[\p{Ll}\d]/u;
const RELATED = /^(?:tin lien quan|tin khac|cac tin khac|bai viet lien quan|tin cung chuyen muc|xem them|doc them)\s*:?$/u;
const LIST_ITEM = /^[-•*+–]\s/u;
/** What ends a statement at the end of a line: sentence punctuation, a colon, a closing quote or bracket. */
const ENDS_STATEMENT = /[.!?…:;"”’)\]]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Whether a text is hard-wrapped (a PDF copy, a portal that breaks lines at a fixed width): in
 * at least two places a long line without end punctuation runs straight on into a line that
 * starts in lower case, which no sentence does. Such a text is joined back into paragraphs.
 */
function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length && runOn < 2; i++) {
    const line = lines[i] as string;
    if (line.length >= 40 && !ENDS_STATEMENT.test(line) && STARTS_LOWER.test(lines[i + 1] as string)) runOn++;
  }
  return runOn >= 2;
}

/** Zero-width characters, the BOM and soft hyphens: they carry nothing a reader sees. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Runs of spaces and tabs (never a line break), which become one space. */
const SPACES = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+/g;
/** Whether the text holds a space other than U+0020, or two spaces in a row. */
const NEEDS_SPACING = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

/**
 * Normalises a report. `canonicalise` rewrites tone-mark placement (Hoà → Hòa); it
 * must keep the text's meaning. It may get text that is not NFC yet (canonicalToneMarks
 * makes it NFC first); what it returns is brought to NFC.
 */
export function normaliseText(raw: string, canonicalise: (text: string) => string = (t) => t): NormalisedText {
  // invisible characters go first, so that a word they split is composed and spelled as one (`Ho\u00adà` → `Hòa`)
  const spelled = canonicalise(raw.replace(INVISIBLE, '').replace(/\r\n?/g, '\n')).normalize('NFC');
  // spaces collapse the same in every line at once; the lines are trimmed one by one below
  const unified = NEEDS_SPACING.test(spelled) || spelled.includes('  ') ? spelled.replace(SPACES, ' ') : spelled;
  // one folded copy for all lines: line by line it would cost a copy each
  const unifiedShadow = shadowOf(unified);
  const kept: string[] = [];
  const result: NormalisedText = { text: '', lines: [], dropped: 0 };
  let previousFolded = '';
  let outletFolded: string | undefined;
  let inRelatedList = false;
  let lineStart = 0;
  const wrapped = isHardWrapped(unified);
  let afterBlank = true;
  for (const rawLine of unified.split('\n')) {
    const at = lineStart;
    lineStart += rawLine.length + 1;
    let line = rawLine.trim();
    if (line === '') {
      afterBlank = true;
      continue;
    }
    let start = at + rawLine.indexOf(line);
    if (kept.length === 0 && result.pageDate === undefined) {
      const marker = readArchiveMarker(line);
      if (marker) {
        result.pageDate = marker.date;
        const opened = line;
        line = line.slice(marker.end).trim();
        start += opened.length - line.length;
        if (line === '') continue;
      }
    }
    const folded = unifiedShadow.slice(start, start + line.length);
    const dateline = readDateline(folded);
    if (dateline) {
      result.pageDate ??= dateline;
      result.dropped++;
      afterBlank = true;
      continue;
    }
    const welcomeMatch = welcome.exec(folded);
    if (welcomeMatch?.[1] && result.welcomeOutlet === undefined) {
      result.welcomeOutlet = line.slice(folded.length - welcomeMatch[1].length).trim();
    }
    if (kept.length === 0 && result.outletLine === undefined && outletOnly.test(folded) && line.length <= 60) {
      result.outletLine = line;
      result.dropped++;
      previousFolded = folded;
      continue;
    }
    if (RELATED.test(folded)) inRelatedList = true;
    else if (inRelatedList && LIST_ITEM.test(line)) {
      result.dropped++;
      continue;
    } else inRelatedList = false;
    if (result.welcomeOutlet !== undefined) outletFolded ??= shadowOf(result.welcomeOutlet);
    const repeatsOutlet = outletFolded !== undefined && folded === outletFolded;
    if (folded === previousFolded || repeatsOutlet || dropLine.test(folded)) {
      result.dropped++;
      previousFolded = folded;
      // a dropped line between two kept ones breaks a hard-wrapped paragraph (a headline, a dateline, a counter)
      afterBlank = true;
      continue;
    }
    previousFolded = folded;
    const previous = kept[kept.length - 1];
    const continues = previous !== undefined && (wrapped ? !afterBlank && !ENDS_STATEMENT.test(previous) && !LIST_ITEM.test(line) : kept.length > 1 && WRAPPED_END.test(previous) && WRAPPED_START.test(line));
    if (continues) kept[kept.length - 1] = `${previous} ${line}`;
    else kept.push(line);
    afterBlank = false;
  }
  let offset = 0;
  for (const line of kept) {
    result.lines.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  result.text = kept.join('\n');
  return result;
}
