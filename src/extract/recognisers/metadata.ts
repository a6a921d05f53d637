import type { NormalisedText } from '../text/normalise.ts';
import { noise } from '../lexicon.ts';
import { parseLooseDate } from '../text/dates.ts';
import { readUrlDate, toIsoDay } from '../text/datelines.ts';
import { compileWordsAtStart } from '../text/patterns.ts';
import { shadowOf } from '../text/fold.ts';
import { expandAbbreviations } from '../text/canonical.ts';
import { splitSentences } from '../text/sentences.ts';

/**
 * Document metadata: title (first line), outlet, byline author and publication
 * date. The outlet comes from the input's own field, a "welcome to" navigation
 * line, a tag that opens the body (`PhuthoPortal - Ngày …`, `(Cổng TTĐT tỉnh AG)-`),
 * or a closing line naming an outlet. The author is a short last line that reads
 * as a personal name (2–4 capitalised syllables) or `Theo …`.
 */

/** `headline`: the index of the line that is the report's headline, when one is (see findHeadline). */
/** `titleDerived`: the report had no title line and none was given; `title` is made up (`deriveTitle`). */
export type Metadata = { title: string; titleDerived?: true; headline?: number; source?: string; author?: string; publishedAt?: string; bylineLine?: number };

const outletHead = compileWordsAtStart(noise.outletHeads);
const bylinePrefix = new RegExp(`^(?:${noise.bylinePrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*:?\\s+`, 'u');
const TAG = /^([A-Z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*|[A-Z][A-Za-z]+(?:Portal|News|Online|TV|\.vn|\.com\.vn))\s*[-–—]\s+/u;
/** An outlet's address as a tag opening the body: `(Baohatinh.vn) -`, `(kontumtv.vn) –`. */
const DOMAIN_TAG = /^\(([A-Za-z][A-Za-z0-9-]*(?:\.[a-z]{2,6}){1,2})\)\s*[-–—]/u;
const PAREN_TAG = /^\(([^()]{3,60})\)\s*[-–—]\s*/u;
const NAME_WORD = /^[\p{Lu}][\p{Ll}]*$/u;
/** A syllable in capitals (`HIỀN`): bylines are often set in capitals. */
const CAPS_WORD = /^[\p{Lu}]{1,7}$/u;

/**
 * Whether a short line reads as a personal name: 2–4 capitalised syllables (or all in capitals,
 * as bylines are often set), optionally several joined by `-` or `,`.
 */
export function isPersonalName(line: string): boolean {
  const parts = line.split(/\s*[-–,]\s*/u).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 3) return false;
  return parts.every((part) => {
    const words = part.split(' ');
    return words.length >= 2 && words.length <= 4 && (words.every((w) => NAME_WORD.test(w)) || words.every((w) => CAPS_WORD.test(w)));
  });
}

/** A byline as written (`TRẦN HIỀN`, `NGUYỄN DƯƠNG |`, `TIẾN HẠNHhttps://…`): the name alone, in title case when set in capitals. */
function cleanAuthor(text: string): string {
  const name = text.replace(/https?:\/\/\S*$/u, '').replace(/[\s|]+$/u, '').trim();
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase()) : name;
}

function lineText(norm: NormalisedText, i: number): string {
  const span = norm.lines[i];
  return span ? norm.text.slice(span.start, span.end) : '';
}

const FOOTER = /^(?:©|\(c\)|bản quyền|copyright|ghi rõ nguồn)/iu;

/** The source line a reprint ends with (`Nguồn Phú Yên: http://…`), after the byline. */
const SOURCE_LINE = /^(?:nguồn|theo)\b[^:]{0,40}:\s*https?:\/\//iu;

/** The last line that is not a footer (copyright notices) or a reprint's source address. */
function lastLine(norm: NormalisedText): { text: string; index: number } {
  for (let i = norm.lines.length - 1; i > 0 && i >= norm.lines.length - 3; i--) {
    const text = lineText(norm, i).trim();
    if (!FOOTER.test(text) && !SOURCE_LINE.test(text)) return { text, index: i };
  }
  return { text: lineText(norm, norm.lines.length - 1).trim(), index: norm.lines.length - 1 };
}

/** Splits a byline into author and outlet: `Lê Hà (Báo Thanh Hóa)`, `Báo Vĩnh Long - Thanh Tâm`, `Theo …`. */
function readByline(line: string): { author?: string; outlet?: string } {
  const trimmed = line.replace(/[./]+$/u, '').trim();
  const paren = /^(.*?)\s*\(([^()]+)\)$/u.exec(trimmed);
  if (paren?.[1] && paren[2]) {
    const inner = readByline(paren[1]);
    return outletHead.test(shadowOf(paren[2])) ? { ...inner, outlet: paren[2].trim() } : inner;
  }
  const dash = /^(.+?)\s+[-–]\s+(.+)$/u.exec(trimmed);
  if (dash?.[1] && dash[2] && outletHead.test(shadowOf(dash[1]))) return { outlet: dash[1].trim(), ...(isPersonalName(dash[2]) ? { author: dash[2].trim() } : {}) };
  if (dash?.[1] && dash[2] && outletHead.test(shadowOf(dash[2])) && isPersonalName(dash[1])) return { author: dash[1].trim(), outlet: dash[2].trim() };
  // `Nguyễn Thị Hoa – Chi cục PTNT`: the writer and the office they write for
  if (dash?.[1] && dash[2] && isPersonalName(dash[1]) && !isPersonalName(dash[2])) return { author: dash[1].trim() };
  const prefixed = bylinePrefix.exec(trimmed);
  if (prefixed) {
    const rest = trimmed.slice(prefixed[0].length).trim();
    if (outletHead.test(shadowOf(rest))) return { outlet: rest };
    if (rest.length > 1 && rest.length < 40 && !/[.!?]$/.test(rest)) return { author: rest };
  }
  const bare = cleanAuthor(trimmed);
  return isPersonalName(bare) ? { author: bare } : {};
}

/** A byline right under the headline (`Lê Hoà`, `NGUYỄN DƯƠNG |`), if any. */
function bylineAfterHeadline(norm: NormalisedText, headline: number | undefined): { author?: string; line?: number } {
  if (headline === undefined) return {};
  const line = lineText(norm, headline + 1).trim();
  const name = cleanAuthor(line);
  return line.length <= 40 && isPersonalName(name) ? { author: name, line: headline + 1 } : {};
}

/** The byline at the end of the report, if any. */
function findByline(norm: NormalisedText): { author?: string; outlet?: string; line?: number } {
  if (norm.lines.length < 2) return {};
  const last = lastLine(norm);
  if (last.text.length > 70) return {};
  return { ...readByline(last.text), line: last.index };
}

/** `BÁO BẮC KẠN` → `Báo Bắc Kạn`; mixed-case text is kept. */
function toTitleCase(line: string): string {
  if (line !== line.toUpperCase()) return line;
  return line.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** The outlet named by the report itself, if any. */
function findSource(norm: NormalisedText, byline: { outlet?: string }): string | undefined {
  if (norm.welcomeOutlet) return expandAbbreviations(norm.welcomeOutlet);
  if (norm.outletLine) return toTitleCase(norm.outletLine);
  for (const i of [0, 1, 2]) {
    const domain = DOMAIN_TAG.exec(lineText(norm, i));
    if (domain?.[1]) return domain[1];
  }
  const body = lineText(norm, 1);
  const tag = TAG.exec(body);
  if (tag?.[1]) return tag[1];
  const paren = PAREN_TAG.exec(body);
  if (paren?.[1] && outletHead.test(shadowOf(paren[1]))) return expandAbbreviations(paren[1].trim());
  if (byline.outlet) return expandAbbreviations(byline.outlet);
  const last = lastLine(norm).text;
  if (last.length < 70 && outletHead.test(shadowOf(last))) return expandAbbreviations(last.replace(/^(?:Nguồn|Theo)\s*:?\s*/u, ''));
  return undefined;
}

/** A sentence's opening date (`Sáng ngày 12/01/2018,`, `Ngày 4-11,`): a line that opens so is the lead, not a headline. */
/** Matched on the folded opening of a line: an outlet's tag may come first (`(GLO)-`, `ĐBP -`). */
const OPENS_WITH_DATE = /^(?:\(?[a-z0-9.\-–]{2,12}\)?\s*[-–]?\s*)?(?:(?:sang|chieu|toi|trua|hom)\s+(?:nay\s*)?(?:ngay\s+)?|ngay\s+)\(?\d{1,2}\s*[/.\-–]\s*\d{1,2}/u;

/** Whether a line reads as a headline: a few words, no closing full stop, not a lead sentence. */
function isHeadlineLike(line: string): boolean {
  if (line.length > 220 || /[.;,]$/u.test(line)) return false;
  // at least three words: a second space
  const firstSpace = line.indexOf(' ');
  const threeWords = firstSpace > 0 && line.indexOf(' ', firstSpace + 1) > firstSpace + 1;
  return threeWords && !OPENS_WITH_DATE.test(shadowOf(line.slice(0, 60))) && !isPersonalName(line);
}

/**
 * The line that is the report's headline: the first line, or the line after a kicker that ends in
 * a colon (`Liên minh HTX tỉnh Bắc Kạn:`); none when the text opens with its lead sentence, a
 * paragraph or a portal's banner. Datelines and page debris are already gone (normaliseText).
 */
export function findHeadline(norm: NormalisedText): number | undefined {
  const first = lineText(norm, 0).trim();
  if (/:$/u.test(first) && first.length <= 120) return norm.lines.length > 1 && isHeadlineLike(lineText(norm, 1).trim()) ? 1 : undefined;
  return isHeadlineLike(first) ? 0 : undefined;
}

/** The longest title hoptac makes up (a headline found or given is kept whole). */
const DERIVED_TITLE_LENGTH = 100;

/**
 * A title made up when the report has none: its first sentence, without an outlet's tag
 * (`(GLO)- `), cut at a word to at most 100 characters and marked with `…` when cut; the words of
 * the URL's slug when the text opens with no sentence of three words.
 */
function deriveTitle(line: string, url: string | undefined): string {
  const opening = line.replace(DOMAIN_TAG, '').replace(PAREN_TAG, '').replace(TAG, '').trim();
  const first = (splitSentences(opening, [{ start: 0, end: opening.length }])[0]?.text ?? '').replace(/[.;:,]+$/u, '');
  const slug = url ? slugTitle(url) : undefined;
  if (slug && first.split(/\s+/u).length < 3) return cutAtWord(slug, DERIVED_TITLE_LENGTH);
  return cutAtWord(first, DERIVED_TITLE_LENGTH);
}

/** `…/lien-minh-htx-tinh-to-chuc-hoi-nghi-a123.html` → `Lien minh htx tinh to chuc hoi nghi` (no diacritics: a slug has none). */
function slugTitle(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const words = last.replace(/\.[a-z]{2,5}$/iu, '').split(/[-_]+/u).filter((w) => w !== '');
  // an article id closing the slug (`a123`, `20230105123456`) is no word of the title
  while (words.length > 0 && /^(?:\p{L}+\d+\w*|\d{5,})$/u.test(words[words.length - 1] as string)) words.pop();
  if (words.length < 3) return undefined;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** Title, outlet, author and publication date of a normalised report; input fields win when given. */
export function readMetadata(norm: NormalisedText, given: { title?: string; source?: string; publishedAt?: string; url?: string }): Metadata {
  const headline = findHeadline(norm);
  const givenTitle = given.title?.trim();
  const meta: Metadata = { title: givenTitle || (headline !== undefined ? lineText(norm, headline) : deriveTitle(lineText(norm, 0), given.url)) };
  if (!givenTitle && headline === undefined) meta.titleDerived = true;
  if (headline !== undefined) meta.headline = headline;
  const below = findByline(norm);
  const source = given.source?.trim() || findSource(norm, below);
  if (source) meta.source = source;
  const byline = below.author ? below : bylineAfterHeadline(norm, headline);
  if (byline.author) {
    meta.author = byline.author;
    if (byline.line !== undefined) meta.bylineLine = byline.line;
  }
  const published =
    (given.publishedAt && parseLooseDate(given.publishedAt)) ||
    toIsoDay(norm.pageDate) ||
    (given.url ? toIsoDay(readUrlDate(given.url)) : null);
  if (published) meta.publishedAt = published;
  return meta;
}
