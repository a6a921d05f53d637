import type { DocContext, OrgMention } from './context.ts';
import type { Span } from '../record/schema.ts';
import { cues } from '../lexicon.ts';
import { alternationOf, compileExactWords, compilePattern, compileWords } from '../text/patterns.ts';
import { findDates, formatIsoDate } from '../text/dates.ts';
import type { DateMention } from '../text/dates.ts';
import type { PageDate } from '../text/datelines.ts';

/**
 * The event a report covers: a conference, congress, ceremony, forum, working session, visit or
 * signing, whatever verb introduces it (`tổ chức`, `khai mạc`, `diễn ra`, `làm việc`, `ký kết`,
 * `thăm, tặng quà` …). The lead sentence that holds an event and a date wins; a sentence that opens
 * with its date and names an event or a holding verb comes next (`Chiều 7-8, Đại hội … bước vào`);
 * an undated event is kept undated. The date is the first day of the event (`Trong 2 ngày 09 và
 * 10/9`), never a document's date (`Quyết định số … ngày …`), a deadline or an anniversary's range;
 * its missing year comes from the page's date, the term of a congress, the years the report names
 * around it, the title or the address — never invented. A national event is placed where it was
 * held (`tại Hà Nội`).
 */

export type MeetingFound = {
  name: string;
  sentence: Span;
  date?: string;
  /** Where it was held: the report's province, or the province of the venue the sentence names. */
  province: string | null;
  organisers: OrgMention[];
  attributes: Record<string, string | number>;
  warnings: string[];
};

/** What the meeting recogniser needs to know of the report beyond its text. */
export type MeetingHints = {
  /** Where the body starts (after the headline). */
  bodyStart: number;
  /** The page's date (publication), as precise as the page gives it. */
  published?: PageDate;
  url?: string;
};

const holdVerbs = compileExactWords(cues.organise);
const attendVerbs = compileExactWords(cues.attendVerbs);
/** Event nouns keep their diacritics: `lễ` is not the surname `Lê`, `họp` is not `hợp`. */
const eventNouns = compileExactWords(cues.meetingNouns);
const ownedEvent = new RegExp(`^(?:${alternationOf(cues.ownedEvents)})(?:\\s+[^\\s,.;:]+){0,3}?\\s+$`, 'u');
const signing = compileWords(cues.cooperation.signing);
const kinds = cues.meetingKinds.map((k) => ({ kind: k.kind, re: new RegExp(k.patterns.map((p) => compilePattern(p).source).join('|'), 'u') }));
const DOCUMENT_DATE = new RegExp(`(?:(?:^|\\s)so\\s+\\S+\\s+|(?:quyet dinh|ke hoach|chi thi|nghi quyet|cong van|thong bao|thong tu|nghi dinh|luat)(?![a-z])[^.;]{0,60}?\\s|(?:^|\\s)(?:${alternationOf(cues.documentDateCues)})\\s+)(?:ngay\\s+)?$`, 'u');
const DOCUMENT_YEAR = /(?:(?:(?:^|\s)so\s+\S+\s+|(?:quyet dinh|ke hoach|chi thi|nghi quyet|cong van|thong bao|thong tu|nghi dinh)(?![a-z])[^.;]{0,70}?\s)ngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|luat(?![a-z])[^.;]{0,40}?\snam\s+)$/u;
const SAME_DAY = /^\)?\s*,?\s*(?:sang|chieu|toi|trua)?\s*cung ngay/u;
const DO_BY = /(?<![\p{L}])do\s+$/u;
const SESSION = /lan thu\s+([ivxlc]+|\d+)(?![\p{L}\p{N}])/u;
const TERM = /nhiem ky\s+(\d{4})\s*[-–]\s*(\d{4})/u;
const COURSE = /khoa\s+([ivxlc]+|\d+)(?![\p{L}\p{N}])/u;
const POINT_YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/gu;
const CLAUSE_END = /\s+(?:nham|de|voi su|va xac dinh|nghe|duoi su|do)\s|[.;:]|,\s/u;
const VENUE = /(?<![\p{L}])tai\s+(?:(?:tinh|thanh pho|tp\.?|thu do)\s*)?$/u;
const JOINED = /^(?:\s*,\s*|\s+va\s+|\s+phoi hop voi\s+|\s+phoi hop cung\s+|\s+cung\s+|\s+cung voi\s+)$/u;
/** How near an event noun must follow its verb, or precede it as its subject (characters). */
const NOUN_AFTER = 60;
const NOUN_BEFORE = 90;
/** How far into a sentence its date may sit and still open it (a tag such as `(TTXVN) -` may come first). */
const LEAD_WITHIN = 60;

type Hit = { at: number; end: number; word: string };
/** One sentence read for an event: its holding verb, event noun and date, and how strong a candidate it is (1 best). */
type Reading = { sentence: Span; verb?: Hit; attend?: Hit; noun?: Hit; date?: DateMention; opensWithDate: boolean; signing: boolean; rank: number };

/** `dự` that is attending, not the first syllable of `dự án`, `dự kiến`, `dự thảo` …. */
const NOT_ATTENDING = /^\s+(?:án|kiến|thảo|toán|báo|trữ|định|bị)(?![\p{L}])/u;

function firstAttend(lower: string, offset: number): Hit | undefined {
  attendVerbs.lastIndex = 0;
  for (let m = attendVerbs.exec(lower); m; m = attendVerbs.exec(lower)) {
    if (!NOT_ATTENDING.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 8))) return { at: offset + m.index, end: offset + m.index + m[0].length, word: m[0] };
  }
  return undefined;
}

function firstHit(scanner: { lastIndex: number; exec(text: string): RegExpExecArray | null }, text: string, offset: number): Hit | undefined {
  scanner.lastIndex = 0;
  const m = scanner.exec(text);
  return m ? { at: offset + m.index, end: offset + m.index + m[0].length, word: m[0] } : undefined;
}

/** The event noun nearest after `from` (within NOUN_AFTER), or else before it as a subject (within NOUN_BEFORE). */
function nounNear(ctx: DocContext, s: Span, from: number, to: number): Hit | undefined {
  const after = firstHit(eventNouns, ctx.lower.slice(to, Math.min(s.end, to + NOUN_AFTER)), to);
  if (after) return after;
  const windowStart = Math.max(s.start, from - NOUN_BEFORE);
  const before = ctx.lower.slice(windowStart, from);
  eventNouns.lastIndex = 0;
  let last: Hit | undefined;
  for (let m = eventNouns.exec(before); m; m = eventNouns.exec(before)) last = { at: windowStart + m.index, end: windowStart + m.index + m[0].length, word: m[0] };
  return last;
}

/** The dates of a sentence that can be an event's: not a document's, a deadline, a range's end, or a bracketed aside (unless `cùng ngày` refers to it). */
function eventDates(ctx: DocContext, s: Span): DateMention[] {
  const shadow = ctx.shadow.slice(s.start, s.end);
  const out: DateMention[] = [];
  for (const d of findDates(shadow)) {
    if (d.ranged) continue;
    if (d.aside && !SAME_DAY.test(shadow.slice(d.end, d.end + 24))) continue;
    if (DOCUMENT_DATE.test(shadow.slice(Math.max(0, d.start - 80), d.start))) continue;
    out.push({ ...d, start: s.start + d.start, end: s.start + d.end });
  }
  return out;
}

function readSentence(ctx: DocContext, s: Span): Reading {
  const lower = ctx.lower.slice(s.start, s.end);
  const shadow = ctx.shadow.slice(s.start, s.end);
  const verb = firstHit(holdVerbs, lower, s.start);
  const attend = firstAttend(lower, s.start);
  const sign = firstHit(signing, shadow, s.start);
  const anchor = verb ?? attend;
  const noun = anchor ? nounNear(ctx, s, anchor.at, anchor.end) : firstHit(eventNouns, lower, s.start);
  // a sentence with neither a holding verb nor an event holds no event: its dates need not be read
  if (!verb && !noun && !sign) return { sentence: s, ...(attend ? { attend } : {}), opensWithDate: false, signing: false, rank: 5 };
  const date = eventDates(ctx, s)[0];
  const opensWithDate = date !== undefined && date.start - s.start <= LEAD_WITHIN && (date.lead === true || date.aside === true) && (!verb || verb.at > date.start);
  let rank = 5;
  if ((verb && noun) || sign) rank = date ? 1 : 4;
  else if (opensWithDate && (noun || (anchor && firstHit(eventNouns, lower, s.start)))) rank = 2;
  else if (opensWithDate && verb) rank = 3;
  return { sentence: s, ...(verb ? { verb } : {}), ...(attend ? { attend } : {}), ...(noun ? { noun } : {}), ...(date ? { date } : {}), opensWithDate, signing: sign !== undefined && (!verb || sign.at <= verb.at), rank };
}

/** The years a text names as points in time: not the ends of a range (`2021–2025`), nor a term. */
function pointYears(shadow: string): number[] {
  const years: number[] = [];
  POINT_YEAR.lastIndex = 0;
  for (let m = POINT_YEAR.exec(shadow); m; m = POINT_YEAR.exec(shadow)) {
    const before = shadow.slice(Math.max(0, m.index - 14), m.index);
    const after = shadow.slice(m.index + 4, m.index + 10);
    if (/\d{4}\s*[-–]\s*$/u.test(before) || /^\s*[-–]\s*\d{4}/u.test(after) || /nhiem ky\s*$/u.test(before)) continue;
    // the year of a document (`Nghị quyết số 20-NQ/TW ngày 16/6/2022`, `Luật Hợp tác xã năm 2023`) dates the document, not the event
    if (DOCUMENT_YEAR.test(shadow.slice(Math.max(0, m.index - 90), m.index))) continue;
    years.push(Number(m[1]));
  }
  return years;
}

/**
 * The year a report's years point to for a day in `month`: the latest, except that a report that
 * names a year and the next one (a review of one year and the plan of the next) is held at the turn
 * of the year: in the first year for a day in the second half, in the second otherwise.
 */
function yearAmong(years: number[], month: number): number | undefined {
  if (years.length === 0) return undefined;
  const latest = Math.max(...years);
  return years.includes(latest - 1) && month >= 7 ? latest - 1 : latest;
}

/** The year of a day and month, from the page's date (a day after the page's is in the year before). */
function yearFromPage(d: DateMention, page: PageDate): number {
  const later = d.month > page.month || (d.month === page.month && page.day !== undefined && d.day > page.day);
  return later ? page.year - 1 : page.year;
}

function resolveDate(ctx: DocContext, sentences: Span[], chosen: Reading, hints: MeetingHints, isCongress: boolean): { date?: string; warning?: string } {
  const d = chosen.date;
  if (!d) return {};
  const scope = ctx.shadow.slice(chosen.sentence.start, chosen.sentence.end);
  const index = sentences.indexOf(chosen.sentence);
  const following = sentences.slice(index + 1, index + 3).map((s) => ctx.shadow.slice(s.start, s.end)).join(' ');
  const term = TERM.exec(scope) ?? TERM.exec(ctx.shadow.slice(0, hints.bodyStart));
  const urlYear = hints.url ? /\/((?:19|20)\d\d)(?:[/-]|\d\d\/)/u.exec(hints.url)?.[1] : undefined;
  const year =
    d.year ??
    (hints.published ? yearFromPage(d, hints.published) : undefined) ??
    (isCongress && term ? Number(term[1]) : undefined) ??
    yearAmong(pointYears(scope), d.month) ??
    yearAmong(pointYears(following), d.month) ??
    yearAmong(pointYears(ctx.shadow.slice(0, hints.bodyStart)), d.month) ??
    (urlYear ? Number(urlYear) : undefined);
  const iso = year === undefined ? null : formatIsoDate(year, d.month, d.day);
  return iso ? { date: iso } : { warning: `meeting date ${d.day}/${d.month} has no year in the report; left undated` };
}

/** The organisations just before the verb: the last one and those listed with it (`A và B`, `A phối hợp với B`). */
function joinedBefore(ctx: DocContext, before: OrgMention[]): OrgMention[] {
  const last = before[before.length - 1];
  if (!last) return [];
  const list = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const o = before[i] as OrgMention;
    if (!JOINED.test(ctx.shadow.slice(o.end, (list[0] as OrgMention).start))) break;
    list.unshift(o);
  }
  return list;
}

/** The organisations listed right after `pos` (`… phối hợp với A và B tổ chức`). */
function joinedAfter(ctx: DocContext, orgs: OrgMention[], first: OrgMention, until: number): OrgMention[] {
  const list = [first];
  for (const o of orgs) {
    const last = list[list.length - 1] as OrgMention;
    if (o.start < last.end || o.end > until) continue;
    if (!JOINED.test(ctx.shadow.slice(last.end, o.start))) break;
    list.push(o);
  }
  return list;
}

function isHost(o: OrgMention): boolean {
  return o.type === 'Alliance' || o.type === 'Agency';
}

/** Who held the event: the subject of the holding verb, `do X tổ chức`, or the body whose congress or committee meeting it is. */
function findOrganisers(ctx: DocContext, orgs: OrgMention[], chosen: Reading, inTitles: (o: OrgMention) => boolean): OrgMention[] {
  const { sentence: s, verb, date, noun } = chosen;
  const hosts = orgs.filter((o) => isHost(o) && o.start >= s.start && o.end <= s.end && !inTitles(o));
  if (chosen.signing) return [];
  let found: OrgMention[] = [];
  if (verb && (!chosen.attend || chosen.attend.at > verb.at)) {
    const from = date && date.end <= verb.at ? date.end : s.start;
    const subject = hosts.filter((o) => o.start >= from && o.end <= verb.at);
    // `X (chủ trì,) phối hợp với A, B tổ chức …`: X and every partner named before the verb held it
    const withAt = ctx.shadow.slice(from, verb.at).search(/(?<![\p{L}])(?:phoi hop voi|phoi hop cung|cung voi)\s/u);
    const lead = withAt >= 0 ? subject.filter((o) => o.end <= from + withAt) : [];
    if (withAt >= 0 && lead.length > 0) found = [lead[lead.length - 1] as OrgMention, ...subject.filter((o) => o.start >= from + withAt)];
    else if (!DO_BY.test(ctx.shadow.slice(Math.max(s.start, verb.at - 40), verb.at))) found = joinedBefore(ctx, subject);
    if (found.length === 0) {
      const doAt = ctx.shadow.slice(s.start, s.end).search(/(?<![\p{L}])do\s/u);
      const by = doAt >= 0 ? hosts.find((o) => o.start >= s.start + doAt + 3 && o.start <= s.start + doAt + 5) : undefined;
      if (by) found = joinedAfter(ctx, hosts, by, s.end);
    }
  }
  if (found.length === 0 && noun) {
    const owner = hosts.find((o) => o.start > noun.at && o.start - noun.at <= 60 && ownedEvent.test(ctx.shadow.slice(noun.at, o.start)));
    if (owner) found = [owner];
  }
  return found;
}

/** The province of the venue the sentence names (`tại Hà Nội`, `tại thành phố Cần Thơ`), if any. */
function venueProvince(ctx: DocContext, s: Span): string | null {
  for (const m of ctx.provinceMentions) {
    if (m.start >= s.end) break;
    if (m.start >= s.start && VENUE.test(ctx.shadow.slice(Math.max(s.start, m.start - 24), m.start))) return m.province;
  }
  return null;
}

/** The meeting's name: the event's noun phrase up to the end of its clause. */
function nameOf(ctx: DocContext, chosen: Reading): string {
  const { sentence: s } = chosen;
  const at = chosen.signing ? (firstHit(signing, ctx.shadow.slice(s.start, s.end), s.start)?.at ?? s.start) : (chosen.noun?.at ?? chosen.verb?.at ?? s.start);
  const phraseShadow = ctx.shadow.slice(at, s.end);
  const stop = phraseShadow.slice(4).search(CLAUSE_END);
  const phraseEnd = at + (stop < 0 ? phraseShadow.length : stop + 4);
  const phrase = closedBrackets(ctx.text.slice(at, Math.min(phraseEnd, at + 180)).trim());
  if (chosen.signing && !/^lễ/iu.test(phrase)) return `Lễ ${phrase}`;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** A name cut inside a bracket (`… ngày HTX quốc tế (5`) ends before the bracket that is left open. */
function closedBrackets(phrase: string): string {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < phrase.length; i++) {
    if (phrase[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (phrase[i] === ')' && depth > 0) depth--;
  }
  return depth > 0 && open > 0 ? phrase.slice(0, open).replace(/[\s,;:–-]+$/u, '') : phrase;
}

/** The main meeting of the report, or null when no sentence holds one. */
export function findMeeting(ctx: DocContext, sentences: Span[], orgs: OrgMention[], hints: MeetingHints, inTitles: (o: OrgMention) => boolean = () => false): MeetingFound | null {
  let chosen: Reading | undefined;
  let undated: Reading | undefined;
  for (const s of sentences) {
    if (s.end <= hints.bodyStart) continue;
    const reading = readSentence(ctx, s);
    if (reading.rank <= 3) {
      chosen = reading;
      break;
    }
    if (reading.rank === 4) undated ??= reading;
  }
  chosen ??= undated;
  if (!chosen) return null;
  if (!chosen.date) {
    // an undated event whose date a later sentence gives (`… dự kiến diễn ra vào ngày 10/4/2023`)
    for (const s of sentences) {
      if (s.start <= chosen.sentence.start) continue;
      const d = eventDates(ctx, s).find((x) => /(?:dien ra|to chuc|khai mac)\s+(?:vao\s+)?(?:ngay\s+)?$/u.test(ctx.shadow.slice(Math.max(s.start, x.start - 30), x.start)));
      if (d) {
        chosen = { ...chosen, date: d };
        break;
      }
    }
  }
  const phrase = nameOf(ctx, chosen);
  const scope = ctx.shadow.slice(chosen.sentence.start, chosen.sentence.end);
  const kindList = kinds.filter((k) => k.re.test(ctx.shadow.slice(chosen.noun?.at ?? chosen.sentence.start, chosen.sentence.end))).map((k) => k.kind);
  // a congress's term tells its year; a meeting that only names a congress (`sơ kết Nghị quyết Đại hội`) does not
  const isCongress = /^đại hội/u.test(chosen.noun?.word ?? '');
  const { date, warning } = resolveDate(ctx, sentences, chosen, hints, isCongress);
  let organisers = findOrganisers(ctx, orgs, chosen, inTitles);
  // the report's opening event, undated there and dated by a later sentence (`… tổ chức diễn đàn …`, then
  // `Cuộc thi dự kiến diễn ra vào ngày …`), keeps the organisers the opening sentence names
  if (organisers.length === 0 && undated && undated.sentence.start < chosen.sentence.start) organisers = findOrganisers(ctx, orgs, undated, inTitles);
  const found: MeetingFound = {
    name: phrase,
    sentence: chosen.sentence,
    province: venueProvince(ctx, chosen.sentence) ?? ctx.province,
    organisers,
    attributes: {},
    warnings: warning ? [warning] : [],
  };
  if (date) found.date = date;
  if (kindList.length) found.attributes.kind = kindList.join(', ');
  const session = SESSION.exec(scope);
  if (session?.[1]) found.attributes.session = /^\d+$/.test(session[1]) ? Number(session[1]) : session[1].toUpperCase();
  const term = TERM.exec(scope);
  if (term) found.attributes.term = `${term[1]}-${term[2]}`;
  const course = COURSE.exec(scope);
  if (course?.[1]) found.attributes.course = course[1].toUpperCase();
  return found;
}
