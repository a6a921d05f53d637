import type { DocContext, OrgMention } from './context.ts';
import type { OfficialMention } from './officials.ts';
import type { Span } from '../record/schema.ts';
import { awards, cues, titles } from '../lexicon.ts';
import { allMatches, alternationOf, compileExactWords, compileExactWordsAtStart, compileWords, compileWordsAtStart, escapeRegExp } from '../text/patterns.ts';
import { parseVietnameseNumber } from '../text/numbers.ts';
import { formatIsoDate } from '../text/dates.ts';
import { shadowOf } from '../text/fold.ts';

/**
 * Awards handed out at the meeting: one per kind (Bằng khen, Cờ thi đua,
 * Huân chương, Ngôi sao HTX …), with the authority in whose name it is given
 * (`của Chủ tịch UBND tỉnh` → the people's committee; `Thay mặt <org>`; `<org>
 * tặng`; `được <org> tặng`), the counted recipients (`2 tập thể, 2 cá nhân`) and
 * the named ones (cooperatives, organisations, officials).
 */

export type AwardFound = {
  kind: string;
  name: string;
  mentions: Span[];
  authority: OrgMention | null;
  authorityEvidence?: Span;
  counts: { collectives?: number; individuals?: number };
  recipients: { org?: OrgMention; official?: OfficialMention; evidence: Span }[];
  /** The date of the decision that conferred it (`Quyết định số … ngày 11/3/2021 về việc khen thưởng`), for awards given by decision rather than at a meeting. */
  decidedOn?: string;
  attributes: Record<string, string>;
};

const kindForms = awards.kinds.flatMap((k) => k.forms.map((f) => ({ kind: k.kind, form: f, qualified: k.qualified === true })));
const kindRe = compileWords(kindForms.map((k) => k.form));
const formToKind = new Map(kindForms.map((k) => [k.form.toLowerCase(), k.kind]));
/** With diacritics: `tặng` (to award) is not `tăng` (to grow). */
const verbs = compileExactWords(cues.awardVerbs);
const titleAtStart = compileWordsAtStart(titles.titles.flatMap((t) => t.forms));
const collectives = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s+(?:${alternationOf(awards.countNouns.collectives)})(?![\\p{L}])`, 'u');
const individuals = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s+(?:${alternationOf(awards.countNouns.individuals)})(?![\\p{L}])`, 'u');
/** What may stand before a recipient in a list: a separator, a count and a noun (`cho 2 tập thể: `, `cho các đơn vị `), `ông`/`bà`. */
const RECIPIENT_GAP = /^(?:\s*(?:,|;|va|cung)\s*)*(?:(?:\d+|cac|hai|ba)\s+[^\s,;:]+(?:\s+[^\s,;:]+)?\s*(?::|la|gom)?\s*)?(?:(?:ong|ba|dong chi|d\/c)\s+)?$/u;
const verbException = new RegExp(`(?<![\\p{L}])(?:${awards.verbExceptions.map((w) => escapeRegExp(w.toLowerCase())).join('|')})(?![\\p{L}])`, 'gu');

/** Whether lower-case text holds an award verb, not counting words that only hold a verb's syllable (`công nhận`). */
function hasAwardVerb(lower: string): boolean {
  verbs.lastIndex = 0;
  if (!verbs.test(lower)) return false;
  verbs.lastIndex = 0;
  return verbs.test(lower.replace(verbException, (m) => ' '.repeat(m.length)));
}

const LIST_ITEM = /^[•\-+–*]/u;
/** The same giver handing out a second award in one sentence: `… tặng Cờ thi đua cho A và tặng Bằng khen cho B`. */
const SAME_GIVER = /(?:,|\s+va|\s+dong thoi)\s+(?:trao tang|trao|tang)\s+(?:\d+\s+)?$/u;
const HANDED = /(?<![\p{L}])(?:trao tang|trao|tang|cap|nhan|don nhan)\s+(?:\d+\s+)?$/u;
/** What opens the list of named recipients after a count (`cho 3 tập thể gồm: …`, `…, trong đó có …`). */
const LIST_OPENER = /(?<![\p{L}])(?:gom co|gom|trong do co|do la|nhu)\s*:?\s*/gu;
const GIVES = /^\s*,?\s*(?:da\s+|cung\s+)?(?:trao tang|trao|tang|gan)\s+(?:giai thuong\s+|danh hieu\s+|giai\s+)?["“]?\s*$/u;
const ON_BEHALF = /(?:thay mat|thua uy quyen(?: cua)?|uy quyen cua)\s+$/u;

const qualifierStop = compileExactWordsAtStart(awards.qualifierStops);
const QUALIFIER_WORD = /^ (\p{Ll}[\p{Ll}\p{M}]*)/u;
/** At most this many words say what a qualified award certifies (`Chứng nhận sản phẩm tiêu biểu`). */
const MAX_QUALIFIER_WORDS = 5;

/** The kind of the award named at [start, end), and where its name ends (after a qualified kind's words). */
function kindOf(ctx: DocContext, start: number, end: number): { kind: string; end: number } {
  const surface = ctx.text.slice(start, end).toLowerCase();
  const form = kindForms.find((k) => k.form.toLowerCase() === surface) ?? kindForms.find((k) => shadowOf(k.form) === ctx.shadow.slice(start, end));
  if (!form) return { kind: surface, end };
  if (!form.qualified) return { kind: form.kind, end };
  let at = end;
  for (let n = 0; n < MAX_QUALIFIER_WORDS; n++) {
    const w = QUALIFIER_WORD.exec(ctx.text.slice(at, at + 24));
    if (!w || qualifierStop.test(ctx.lower.slice(at + 1, at + 24))) break;
    at += w[0].length;
  }
  return { kind: at === end ? form.kind : `${form.kind}${ctx.text.slice(end, at)}`, end: at };
}

/** The organisation a title-and-organisation phrase at `pos` names (skipping the title). */
function orgAt(ctx: DocContext, pos: number, orgs: OrgMention[], slack = 2): OrgMention | undefined {
  const direct = orgs.find((o) => o.start >= pos && o.start <= pos + slack);
  if (direct) return direct;
  const title = titleAtStart.exec(ctx.shadow.slice(pos, pos + 50));
  const at = title ? pos + title[0].length : pos;
  return orgs.find((o) => o.start >= at && o.start <= at + slack);
}

/** Awards presented in the report's sentences, merged per kind. */
export function findAwards(ctx: DocContext, sentences: Span[], orgs: OrgMention[], officials: OfficialMention[]): AwardFound[] {
  const byKind = new Map<string, AwardFound>();
  // a list of awards (`• 01 Cờ thi đua của …`) takes the verb of the line that opens it (`… trao tặng …:`)
  let listVerb = false;
  for (const s of sentences) {
    const shadow = ctx.shadow.slice(s.start, s.end);
    const hits = allMatches(kindRe, shadow);
    const listItem = LIST_ITEM.test(ctx.text.slice(s.start, s.start + 2));
    const opensList = !listItem && /:\s*$/u.test(s.text);
    // the verb is read only where it matters: a sentence that names an award, or opens a list of them
    const ownVerb = (hits.length > 0 || opensList) && hasAwardVerb(ctx.lower.slice(s.start, s.end));
    const hasVerb = ownVerb || (listItem && listVerb);
    if (!listItem) listVerb = opensList && ownVerb;
    // an award named where none is handed out or received (`giải thưởng “Ngôi sao HTX”` as a programme) is none
    if (hits.length === 0 || !hasVerb) continue;
    // the authority of the award before in the sentence, which `… và tặng Bằng khen cho …` carries on
    let previous: { authority: OrgMention; end: number } | undefined;
    for (const [i, h] of hits.entries()) {
      const start = s.start + h.index;
      const named = kindOf(ctx, start, start + h[0].length);
      const { kind, end } = named;
      // a certificate is an award only where one is handed out (`trao Chứng nhận …`; `đạt chứng nhận OCOP` is not)
      if (kindForms.some((k) => k.qualified && kind.startsWith(k.kind)) && !HANDED.test(ctx.shadow.slice(Math.max(s.start, start - 24), start))) continue;
      let award = byKind.get(kind);
      if (!award) {
        award = { kind, name: ctx.text.slice(start, end), mentions: [], authority: null, counts: {}, recipients: [], attributes: {} };
        byKind.set(kind, award);
      }
      award.mentions.push({ start, end, text: ctx.text.slice(start, end) });
      const surface = ctx.text.slice(start, end);
      if (surface.length > award.kind.length && !award.attributes.class) award.attributes.class = surface;
      const segmentEnd = hits[i + 1] ? s.start + (hits[i + 1]?.index ?? 0) : s.end;
      findAuthority(ctx, award, s, start, end, orgs, officials);
      if (!award.authority && previous && SAME_GIVER.test(ctx.shadow.slice(previous.end, start))) {
        award.authority = previous.authority;
        award.authorityEvidence = s;
      }
      if (award.authority) previous = { authority: award.authority, end };
      findCounts(ctx, award, s, segmentEnd);
      const before = award.recipients.length;
      findRecipients(ctx, award, s, start, end, segmentEnd, orgs, officials);
      if (award.recipients.length === before) findCountedRecipients(ctx, award, sentences, s, segmentEnd, orgs);
    }
  }
  const found = [...byKind.values()].filter((a) => a.mentions.length > 0);
  const decided = decisionDate(ctx, sentences);
  if (decided) for (const a of found) a.decidedOn = decided;
  const only = found.length === 1 ? found[0] : undefined;
  if (only) findGenericRecipients(ctx, only, sentences, orgs);
  return found;
}

const DECISION = /(?:quyet dinh)(?![a-z])[^.;]{0,60}?\sngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})[^.;]{0,40}?(?:khen thuong|tang|trao|cong nhan)/u;

/** The date of a decision on awards the report names, when it has one in full. */
function decisionDate(ctx: DocContext, sentences: Span[]): string | undefined {
  for (const s of sentences) {
    const m = DECISION.exec(ctx.shadow.slice(s.start, s.end));
    const iso = m ? formatIsoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
    if (iso) return iso;
  }
  return undefined;
}

const countedCollectives = new RegExp(`(?<![\\p{L}])cho\\s+(\\d+)\\s+(?:${alternationOf(awards.countNouns.collectives)})(?![\\p{L}])`, 'u');

/**
 * `… trao Chứng nhận cho 3 HTX.` after a sentence that names three cooperatives: the counted
 * recipients are the ones just named. Only when the count matches the cooperatives of one of the
 * two sentences before exactly.
 */
function findCountedRecipients(ctx: DocContext, award: AwardFound, sentences: Span[], s: Span, segmentEnd: number, orgs: OrgMention[]): void {
  const counted = countedCollectives.exec(ctx.shadow.slice(s.start, segmentEnd));
  const n = counted?.[1] ? Number(counted[1]) : 0;
  if (n < 1) return;
  const index = sentences.indexOf(s);
  for (const earlier of sentences.slice(Math.max(0, index - 2), index).reverse()) {
    const named = orgs.filter((o) => o.type === 'Cooperative' && o.start >= earlier.start && o.end <= earlier.end);
    const distinct = [...new Map(named.map((o) => [o.name, o])).values()];
    if (distinct.length === 0) continue;
    if (distinct.length === n) for (const o of distinct) award.recipients.push({ org: o, evidence: s });
    return;
  }
}

const genericNoun = compileExactWords(awards.genericNouns);
const receiveCue = compileExactWords(awards.receiveCues);

/**
 * A report with one award names its winners in a sentence that calls it only `giải thưởng` or
 * `danh hiệu` (`… có 2 HTX được tôn vinh, trao giải thưởng, đó là HTX A và HTX B`): the named
 * cooperatives of a sentence with such a noun and a receiving cue received it.
 */
function findGenericRecipients(ctx: DocContext, award: AwardFound, sentences: Span[], orgs: OrgMention[]): void {
  for (const s of sentences) {
    const lower = ctx.lower.slice(s.start, s.end);
    genericNoun.lastIndex = 0;
    receiveCue.lastIndex = 0;
    if (!genericNoun.test(lower) || !receiveCue.test(lower)) continue;
    if (award.mentions.some((m) => m.start >= s.start && m.end <= s.end)) continue;
    for (const o of orgs) {
      if (o.type !== 'Cooperative' || o.start < s.start || o.end > s.end) continue;
      if (!award.recipients.some((r) => r.org?.name === o.name)) award.recipients.push({ org: o, evidence: s });
    }
  }
}

function findAuthority(ctx: DocContext, award: AwardFound, s: Span, start: number, end: number, allOrgs: OrgMention[], officials: OfficialMention[]): void {
  if (award.authority) return;
  const orgs = allOrgs.filter((o) => o.type !== 'Cooperative');
  const after = ctx.shadow.slice(end, end + 90);
  // `Bằng khen của …`, `Kỷ niệm chương “Vì …” của …`, `… năm 2024 của …`
  const of = /^(?:\s+["“][^"”]{0,60}["”])?(?:\s+nam\s+\d{4})?\s+cua\s+/u.exec(after);
  let org = of ? orgAt(ctx, end + of[0].length, orgs) : undefined;
  if (!org) {
    const behalf = ON_BEHALF.exec(ctx.shadow.slice(s.start, start));
    const text = ctx.shadow.slice(s.start, start);
    const m = /(?:thay mat|thua uy quyen(?: cua)?|uy quyen cua)\s+/u.exec(text);
    if (m && !behalf) org = orgAt(ctx, s.start + m.index + m[0].length, orgs);
  }
  if (!org) {
    const by = /(?<![\p{L}])duoc\s+$/u;
    const before = orgs.filter((o) => o.start >= s.start && o.end <= start && o.type !== 'Cooperative');
    const last = before[before.length - 1];
    const between = last ? ctx.shadow.slice(last.end, start) : '';
    if (last && /^\s*(?:(?:da|se|cung)\s+)?(?:trao tang|trao|tang|khen thuong)\s+(?:danh hieu\s+)?["“”']?\s*$/u.test(between)) {
      const lead = ctx.shadow.slice(Math.max(s.start, last.start - 8), last.start);
      if (by.test(lead) || !/(?:cho|nhan)\s+$/u.test(lead)) org = last;
    }
  }
  if (!org) org = giverOrg(ctx, s, start, officials);
  if (org) {
    award.authority = org;
    award.authorityEvidence = s;
  }
}

/**
 * `Bà X - Chủ tịch Liên minh HTX Việt Nam trao Giải thưởng …`: an award handed out by an official
 * without the name of the body it comes from is given in the name of the body the official heads.
 */
function giverOrg(ctx: DocContext, s: Span, start: number, officials: OfficialMention[]): OrgMention | undefined {
  const giver = [...officials].reverse().find((p) => p.start >= s.start && p.end <= start && GIVES.test(ctx.shadow.slice(p.end, start)));
  const org = giver?.positions.find((p) => p.org && (p.org.type === 'Agency' || p.org.type === 'Alliance'))?.org;
  return org ?? undefined;
}

function findCounts(ctx: DocContext, award: AwardFound, s: Span, segmentEnd: number): void {
  const scope = ctx.shadow.slice(s.start, segmentEnd);
  const c = collectives.exec(scope);
  const p = individuals.exec(scope);
  if (c?.[1] && award.counts.collectives === undefined) award.counts.collectives = parseVietnameseNumber(c[1]) ?? undefined;
  if (p?.[1] && award.counts.individuals === undefined) award.counts.individuals = parseVietnameseNumber(p[1]) ?? undefined;
  if (award.counts.collectives === undefined) delete award.counts.collectives;
  if (award.counts.individuals === undefined) delete award.counts.individuals;
}

function findRecipients(
  ctx: DocContext,
  award: AwardFound,
  s: Span,
  start: number,
  end: number,
  segmentEnd: number,
  orgs: OrgMention[],
  officials: OfficialMention[],
): void {
  const after = ctx.shadow.slice(end, segmentEnd);
  const cho = /(?<![\p{L}])cho\s/u.exec(after);
  const add = (r: { org?: OrgMention; official?: OfficialMention }): void => {
    if (r.org && award.authority && r.org.name === award.authority.name) return;
    award.recipients.push({ ...r, evidence: s });
  };
  if (cho) {
    // the recipients listed right after `cho` (`cho HTX A, HTX B và Liên minh HTX tỉnh`), or after a
    // count where a list opens (`cho 3 tập thể gồm: A, B và C`, `…, trong đó có A và B`)
    const from = end + cho.index + cho[0].length;
    const stop = ctx.shadow.slice(from, segmentEnd).search(/[;.]|(?<![\p{L}])(?:vi|nham)\s/u);
    const to = stop < 0 ? segmentEnd : from + stop;
    const listed = [...orgs.map((o) => ({ start: o.start, end: o.end, org: o })), ...officials.map((o) => ({ start: o.nameStart, end: o.end, official: o }))]
      .filter((x) => x.start >= from && x.end <= segmentEnd)
      .sort((a, b) => a.start - b.start);
    const openers = [from];
    LIST_OPENER.lastIndex = 0;
    const scope = ctx.shadow.slice(from, segmentEnd);
    for (let m = LIST_OPENER.exec(scope); m; m = LIST_OPENER.exec(scope)) openers.push(from + m.index + m[0].length);
    for (const opener of openers) {
      if (opener > to && opener !== from) {
        // an opener after a full stop or `vì` belongs to another clause
        if (/[;.]/u.test(ctx.shadow.slice(to, opener))) break;
      }
      let at = opener;
      for (const x of listed) {
        if (x.start < at) continue;
        if (!RECIPIENT_GAP.test(ctx.shadow.slice(at, x.start))) break;
        add('org' in x ? { org: x.org } : { official: x.official });
        at = x.end;
        const aside = /^\s*\([^()]{0,60}\)/u.exec(ctx.text.slice(at, at + 64));
        if (aside) at += aside[0].length;
      }
    }
    return;
  }
  const clauseStart = s.start + Math.max(0, ctx.shadow.slice(s.start, start).lastIndexOf(';') + 1);
  const before = ctx.shadow.slice(clauseStart, start);
  const passive = /(?<![\p{L}])(?:duoc|vinh du)\s+(?:[\p{L}\s]{0,40}\s)?(?:trao tang|trao|tang|nhan|don nhan)?\s*$|(?:don nhan|nhan)\s+$/u.exec(before);
  if (passive) {
    const to = clauseStart + passive.index;
    for (const o of orgs) if (o.start >= clauseStart && o.end <= to) add({ org: o });
    for (const o of officials) if (o.nameStart >= clauseStart && o.nameEnd <= to) add({ official: o });
  }
}
