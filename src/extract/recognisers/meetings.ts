import type { DocContext, OrgMention } from './context.ts';
import type { Span } from '../record/schema.ts';
import { cues } from '../lexicon.ts';
import { allMatches, compileExactWords, compilePattern, compileWords } from '../text/patterns.ts';
import { findDates, formatIsoDate } from '../text/dates.ts';
import type { DateMention } from '../text/dates.ts';

/**
 * The meeting a report covers: the first sentence where an organisation holds
 * (`tổ chức`, `họp`, `khai mạc` …) a conference, congress or ceremony, preferring
 * one that carries a date. The date's missing year comes from the publication
 * date, the title, `năm YYYY` in that sentence, or the URL — never invented.
 */

export type MeetingFound = {
  name: string;
  sentence: Span;
  date?: string;
  organisers: OrgMention[];
  attributes: Record<string, string | number>;
  warnings: string[];
};

const organise = compileExactWords(cues.organise);
const signing = compileWords(cues.cooperation.signing);
const meetingNoun = compileWords(cues.meetingNouns);
const kinds = cues.meetingKinds.map((k) => ({ kind: k.kind, re: new RegExp(k.patterns.map((p) => compilePattern(p).source).join('|'), 'u') }));
const DO_BY = /(?<![\p{L}])do\s+$/u;
const SESSION = /lan thu\s+([ivxlc]+|\d+)(?![\p{L}\p{N}])/u;
const TERM = /nhiem ky\s+(\d{4})\s*[-–]\s*(\d{4})/u;
const COURSE = /khoa\s+([ivxlc]+|\d+)(?![\p{L}\p{N}])/u;
const YEAR_AFTER_NAM = /nam\s+(20\d\d|19\d\d)(?!\s*[-–]\s*\d)/gu;
const CLAUSE_END = /\s+(?:nham|de|voi su|va xac dinh|nghe|duoi su)\s|[.;:]|,\s/u;

type Candidate = { sentence: Span; verbAt: number; nounAt: number; signing?: boolean };

function findCandidate(ctx: DocContext, sentences: Span[], skipUntil: number): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences) {
    if (s.end <= skipUntil) continue;
    const shadow = ctx.shadow.slice(s.start, s.end);
    signing.lastIndex = 0;
    const sign = signing.exec(shadow);
    organise.lastIndex = 0;
    const lower = ctx.lower.slice(s.start, s.end);
    if (sign && findDates(shadow.slice(0, sign.index)).length > 0 && !organise.test(lower.slice(0, sign.index))) {
      out.push({ sentence: s, verbAt: s.start + sign.index, nounAt: s.start + sign.index, signing: true });
      continue;
    }
    organise.lastIndex = 0;
    for (let v = organise.exec(lower); v; v = organise.exec(lower)) {
      const after = shadow.slice(v.index + v[0].length, v.index + v[0].length + 50);
      meetingNoun.lastIndex = 0;
      const noun = meetingNoun.exec(after);
      const isHop = v[0] === 'họp';
      if (noun && (noun.index <= 4 || (isHop && noun.index <= 30))) {
        out.push({ sentence: s, verbAt: s.start + v.index, nounAt: s.start + v.index + v[0].length + noun.index });
        break;
      }
      if (isHop && /^\s+(?:ban|hoi dong|thuong truc)/u.test(after)) {
        out.push({ sentence: s, verbAt: s.start + v.index, nounAt: s.start + v.index });
        break;
      }
    }
  }
  return out;
}

/** Resolves a day and month to a date, taking a missing year from the hints in order. */
function resolveDate(d: DateMention, hints: (number | undefined)[]): string | undefined {
  const year = d.year ?? hints.find((h) => h !== undefined);
  return year === undefined ? undefined : formatIsoDate(year, d.month, d.day) ?? undefined;
}

function maxYear(shadow: string): number | undefined {
  let latest: number | undefined;
  for (const m of allMatches(YEAR_AFTER_NAM, shadow)) latest = Math.max(latest ?? -Infinity, Number(m[1]));
  return latest;
}

/** The organisations just before the verb: the last one and those listed with it (`A và B`, `A phối hợp với B`). */
function joinedBefore(ctx: DocContext, before: OrgMention[]): OrgMention[] {
  const last = before[before.length - 1];
  if (!last) return [];
  const list = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const o = before[i] as OrgMention;
    const gap = ctx.shadow.slice(o.end, (list[0] as OrgMention).start);
    if (!/^(?:\s*,\s*|\s+va\s+|\s+phoi hop voi\s+|\s+cung\s+|\s+cung voi\s+)$/u.test(gap)) break;
    list.unshift(o);
  }
  return list;
}

/** The main meeting of the report, or null when no sentence holds one. */
export function findMeeting(
  ctx: DocContext,
  sentences: Span[],
  orgs: OrgMention[],
  hints: { titleEnd: number; publishedAt?: string; url?: string },
): MeetingFound | null {
  const candidates = findCandidate(ctx, sentences, hints.titleEnd);
  if (candidates.length === 0) return null;
  const datesOf = (c: Candidate): DateMention[] => findDates(ctx.shadow.slice(c.sentence.start, c.sentence.end));
  let chosen: { c: Candidate; dates: DateMention[] } | undefined;
  for (const c of candidates) {
    const dates = datesOf(c);
    if (dates.length > 0) {
      chosen = { c, dates };
      break;
    }
  }
  chosen ??= candidates[0] && { c: candidates[0], dates: datesOf(candidates[0]) };
  if (!chosen) return null;
  const { c, dates } = chosen;
  const warnings: string[] = [];
  const found: MeetingFound = { name: '', sentence: c.sentence, organisers: [], attributes: {}, warnings };
  const firstDate = dates[0];
  if (firstDate) {
    const published = hints.publishedAt ? Number(hints.publishedAt.slice(0, 4)) : undefined;
    const publishedYear = published !== undefined && hints.publishedAt && `${String(firstDate.month).padStart(2, '0')}-${String(firstDate.day).padStart(2, '0')}` > hints.publishedAt.slice(5) ? published - 1 : published;
    const urlYear = hints.url ? /\/(20\d\d)[/-]/.exec(hints.url)?.[1] : undefined;
    const date = resolveDate(firstDate, [
      publishedYear,
      maxYear(ctx.shadow.slice(0, hints.titleEnd)),
      maxYear(ctx.shadow.slice(c.sentence.start, c.sentence.end)),
      urlYear ? Number(urlYear) : undefined,
    ]);
    if (date) found.date = date;
    else warnings.push(`meeting date ${firstDate.day}/${firstDate.month} has no year in the report; left undated`);
  }
  const verbShadow = ctx.shadow.slice(0, c.verbAt);
  const from = firstDate ? c.sentence.start + firstDate.end : c.sentence.start;
  found.organisers = orgs.filter((o) => o.start >= from && o.end <= c.verbAt && o.type !== 'Cooperative');
  if (DO_BY.test(verbShadow.slice(-40))) found.organisers = [];
  if (found.organisers.length === 0) {
    const doAt = ctx.shadow.slice(c.sentence.start, c.sentence.end).search(/(?<![\p{L}])do\s/u);
    if (doAt >= 0) {
      const at = c.sentence.start + doAt + 3;
      const byOrg = orgs.find((o) => o.start >= at && o.start <= at + 2);
      if (byOrg) found.organisers = [byOrg];
    }
  }
  found.organisers = c.signing ? [] : joinedBefore(ctx, found.organisers);
  const phraseShadow = ctx.shadow.slice(c.nounAt, c.sentence.end);
  const stop = phraseShadow.slice(4).search(CLAUSE_END);
  const phraseEnd = c.nounAt + (stop < 0 ? phraseShadow.length : stop + 4);
  const phrase = ctx.text.slice(c.nounAt, Math.min(phraseEnd, c.nounAt + 180)).trim();
  found.name = c.signing ? `Lễ ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1);
  const scope = ctx.shadow.slice(c.sentence.start, c.sentence.end);
  const kindList = kinds.filter((k) => k.re.test(ctx.shadow.slice(c.verbAt, phraseEnd))).map((k) => k.kind);
  if (kindList.length) found.attributes.kind = kindList.join(', ');
  const session = SESSION.exec(scope);
  if (session?.[1]) found.attributes.session = /^\d+$/.test(session[1]) ? Number(session[1]) : session[1].toUpperCase();
  const term = TERM.exec(scope);
  if (term) found.attributes.term = `${term[1]}-${term[2]}`;
  const course = COURSE.exec(scope);
  if (course?.[1]) found.attributes.course = course[1].toUpperCase();
  return found;
}
