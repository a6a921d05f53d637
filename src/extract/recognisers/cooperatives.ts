import type { DocContext, OrgMention } from './context.ts';
import { canonicalName } from '../text/canonical.ts';
import { cooperatives } from '../lexicon.ts';
import { compileExactWordsAtStart, compileWordLists, compileWordsAtStart, escapeRegExp } from '../text/patterns.ts';
import { readLevel } from './level.ts';

/**
 * Named cooperatives, unions of cooperatives, cooperative groups and people's credit funds: a head
 * (`HTX`, `Hợp tác xã`, `Quỹ TDND`, `Liên hiệp HTX`, `Tổ hợp tác`), words in any case that say what
 * kind it is (`Dịch vụ nông nghiệp`, `sản xuất, chế biến, kinh doanh nông sản`, `DVTM`), then a
 * proper name that starts with a capital (`Hoàng Tấm`, `Điện Ngọc I`, `Bình An 2`). A plural head
 * followed by names lists several (`các HTX Đại Thắng (Đại Lộc); Điện Hòa, Điện Tiến`). Without a
 * proper name (`HTX nông nghiệp`, `các HTX`, `3 HTX`) a mention is a count, not an entity.
 */

const heads = cooperatives.heads;
/** The heads of every kind, searched in one pass. */
const HEADS = compileWordLists(heads.map((h) => h.forms));
const stopAtStart = compileExactWordsAtStart(cooperatives.stopWords);
const placeAtStart = compileExactWordsAtStart(cooperatives.placeWords);
const kindAtStart = compileWordsAtStart(cooperatives.kindWords);
/** A capitalised word that starts another organisation's name, where a cooperative's name ends. */
const ORG_HEAD = /^(?:HTX|Hợp tác xã|Quỹ|QTD|Liên minh|Liên hiệp|Liên đoàn|Sở|UBND|Ủy ban|Hội|Ban Chỉ đạo|Ban Chấp hành|Ban Thường vụ|Tổ hợp tác|THT|Công ty|Ngân hàng|Trung tâm|Phòng)(?![\p{L}])/u;
const notNames = new Set(cooperatives.notNames.map((n) => n.toLowerCase()));
/** Before a head: a plural, a count, or another body's name that contains the head (`Quỹ hỗ trợ phát triển HTX`). */
const PLURAL_BEFORE = /(?:(?<![\p{L}])(?:cac|nhung|moi|mot so|so|\d+)\s+)$/u;
const INSIDE_BEFORE = /(?:(?<![\p{L}])ngay|lien minh|hiep hoi|lien doan(?:\s+[\p{L}]+){0,2}|ho tro phat trien|quy ho tro|ngan hang|cuc kinh te|cuc phat trien|luat|kinh te)\s+$/u;
const ABBREVIATION = new RegExp(`(?<![\\p{L}])(?:${Object.keys(cooperatives.abbreviations).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu');
/** At most this many words say what kind a cooperative is before its proper name. */
const MAX_KIND_WORDS = 8;
const MAX_PROPER_WORDS = 6;

type Word = { start: number; end: number; word: string; joinedBy: string };

/** The words after `pos` joined by single spaces, dashes or (between lower-case words) commas; other punctuation ends the run. */
function readWords(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  const re = /( ?[-–] ?| |, )([\p{L}\p{N}][\p{L}\p{N}'’]*)/uy;
  re.lastIndex = pos;
  for (let m = re.exec(text); m?.[2] && words.length < max; m = re.exec(text)) {
    words.push({ start: m.index + (m[1] as string).length, end: m.index + m[0].length, word: m[2], joinedBy: m[1] as string });
  }
  return words;
}

const isCapital = (w: Word): boolean => /^[\p{Lu}\p{N}]/u.test(w.word);
const isUpperStart = (w: Word): boolean => /^\p{Lu}/u.test(w.word);
/** A word in capitals only (`GRDP`, `OCOP`): an acronym, which names a cooperative only right after its head. */
const isAcronym = (w: Word): boolean => w.word.length >= 3 && /^[\p{Lu}\d]+$/u.test(w.word);
/** A place's abbreviation, where a name ends (`– TP. Thuận An`). */
const PLACE_ABBREVIATION = /^(?:TP|Tp|TX|TT|Q|H)(?![\p{L}])/u;
const isRomanOrNumber = (w: Word): boolean => /^(?:[IVX]{1,4}|\d{1,3})$/u.test(w.word);

/**
 * The end of a cooperative's name after its head at `pos` (or `pos` when there is none): kind words,
 * then a proper name. A comma may join kind words only (`sản xuất, chế biến`); the proper name may
 * hold one lower-case word between capitals (`Nam núi Dành`) and end in a number (`Điện Ngọc I`).
 */
function readName(ctx: DocContext, pos: number, allowPlace: boolean): number {
  const words = readWords(ctx.text, pos, MAX_KIND_WORDS + MAX_PROPER_WORDS);
  let end = pos;
  let proper = 0;
  let kinds = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const lower = ctx.lower.slice(w.start, w.start + 30);
    if (proper > 0) {
      if (w.joinedBy === ', ') break;
      if (isCapital(w)) {
        if (ORG_HEAD.test(ctx.text.slice(w.start, w.start + 16)) || PLACE_ABBREVIATION.test(w.word)) break;
        // a number that opens a date (`Việt Nam 11/4`) is no part of a name
        if (/^\d/u.test(w.word) && /^[/.-]\d/u.test(ctx.text.slice(w.end, w.end + 2))) break;
        end = w.end;
        if (++proper >= MAX_PROPER_WORDS) break;
        continue;
      }
      // up to three lower-case words inside a proper name, when a capital follows them (`Phụ nữ khuyết tật Bình Giang`)
      let j = i;
      while (j < words.length && j - i < 3 && !isCapital(words[j] as Word) && (words[j] as Word).joinedBy === ' ' && !stopAtStart.test(ctx.lower.slice((words[j] as Word).start, (words[j] as Word).start + 30))) j++;
      const next = words[j];
      if (j === i || !next || !isCapital(next) || next.joinedBy !== ' ' || ORG_HEAD.test(ctx.text.slice(next.start, next.start + 16))) break;
      i = j - 1;
      continue;
    }
    if (w.joinedBy === ', ' && (i === 0 || isCapital(w))) break;
    // words that say what kind of cooperative it is, in any case (`Dịch vụ nông nghiệp`, `DVTM`)
    const kind = kindAtStart.exec(ctx.shadow.slice(w.start, w.start + 40));
    if (kind || isKindAbbreviation(w)) {
      const kindEnd = kind ? w.start + kind[0].trimEnd().length : w.end;
      while (i + 1 < words.length && (words[i + 1] as Word).end <= kindEnd) i++;
      if (++kinds > MAX_KIND_WORDS) break;
      continue;
    }
    if (isUpperStart(w)) {
      if (ORG_HEAD.test(ctx.text.slice(w.start, w.start + 16)) || isRomanOrNumber(w) || PLACE_ABBREVIATION.test(w.word) || (kinds > 0 && isAcronym(w))) break;
      end = w.end;
      proper++;
      continue;
    }
    // `và` joins kind words (`Sản xuất và dịch vụ …`), not a kind and another body (`… và Doanh nghiệp`)
    const next = words[i + 1];
    const joinsKinds = kinds > 0 && /^và(?![\p{L}])/u.test(lower) && next !== undefined && (!isCapital(next) || kindAtStart.test(ctx.shadow.slice(next.start, next.start + 40)));
    if (!joinsKinds && !(allowPlace && kinds === 0 && placeAtStart.test(lower)) && stopAtStart.test(lower)) break;
    if (++kinds > MAX_KIND_WORDS) break;
  }
  return proper > 0 ? end : pos;
}

/** Whether a word is one of the abbreviations of a cooperative's kind (`DVTM`), not a proper name. */
function isKindAbbreviation(w: Word): boolean {
  return Object.hasOwn(cooperatives.abbreviations, w.word);
}

/** A cooperative's name with its kind abbreviations spelled out (`HTX NN DVTM …` → `Hợp tác xã Nông nghiệp Dịch vụ Thương mại …`). */
function spellOut(surface: string): string {
  return surface.replace(ABBREVIATION, (a) => cooperatives.abbreviations[a] ?? a);
}

function toMention(ctx: DocContext, headName: string, start: number, nameStart: number, nameEnd: number): OrgMention | null {
  const surface = ctx.text.slice(nameStart, nameEnd).trim();
  if (surface === '' || notNames.has(surface.toLowerCase()) || /^\d+$/.test(surface)) return null;
  const reading = readLevel(ctx, nameEnd);
  const province = reading?.explicit ? reading.province : ctx.province;
  return { type: 'Cooperative', name: canonicalName(`${headName} ${spellOut(surface)}`), province, start, end: nameEnd };
}

/**
 * Names listed after a plural head: `các HTX Đại Thắng (Đại Lộc); Điện Hòa, Điện Tiến (Điện Bàn) và
 * Bình An`: capitalised names separated by commas, semicolons or `và`, each with an optional
 * bracketed place.
 */
function readList(ctx: DocContext, headName: string, pos: number): OrgMention[] {
  const out: OrgMention[] = [];
  let at = pos;
  for (;;) {
    // the first name follows the head directly; the others come after a comma, a semicolon or `và`
    const lead = out.length === 0 ? /^ /u : /^\s*[,;]\s*(?:và\s+)?|^\s+và\s+/u;
    const gap = lead.exec(ctx.text.slice(at, at + 8));
    if (!gap) break;
    const start = at + gap[0].length;
    if (!/^\p{Lu}/u.test(ctx.text.slice(start, start + 1)) || ORG_HEAD.test(ctx.text.slice(start, start + 16))) break;
    if (ctx.provinceMentions.some((p) => p.start === start)) break;
    const end = readName(ctx, start - 1, false);
    if (end === start - 1) break;
    const mention = toMention(ctx, headName, start, start, end);
    if (!mention) break;
    out.push(mention);
    const place = /^\s*\([^()]{1,40}\)/u.exec(ctx.text.slice(end, end + 44));
    at = end + (place ? place[0].length : 0);
  }
  return out;
}

/** Every named cooperative in the report. */
export function findCooperatives(ctx: DocContext): OrgMention[] {
  const out: OrgMention[] = [];
  const found = HEADS.matchEach(ctx.shadow);
  for (const [i, head] of heads.entries()) {
    for (const m of found[i] ?? []) {
      const start = m.index;
      const headEnd = start + m[0].length;
      const before = ctx.shadow.slice(Math.max(0, start - 28), start);
      if (INSIDE_BEFORE.test(before)) continue;
      if (PLURAL_BEFORE.test(before)) {
        out.push(...readList(ctx, head.name, headEnd));
        continue;
      }
      const nameEnd = readName(ctx, headEnd, head.name.startsWith('Quỹ'));
      if (nameEnd === headEnd) continue;
      const mention = toMention(ctx, head.name, start, headEnd, nameEnd);
      if (mention) out.push(mention);
    }
  }
  return out;
}
