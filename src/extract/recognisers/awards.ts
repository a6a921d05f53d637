import type { DocContext, OrgMention } from './context.ts';
import type { OfficialMention } from './officials.ts';
import type { Span } from '../record/schema.ts';
import { awards, cues, titles } from '../lexicon.ts';
import { allMatches, alternationOf, compileWords, compileWordsAtStart } from '../text/patterns.ts';
import { parseVietnameseNumber } from '../text/numbers.ts';
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
  attributes: Record<string, string>;
};

const kindForms = awards.kinds.flatMap((k) => k.forms.map((f) => ({ kind: k.kind, form: f })));
const kindRe = compileWords(kindForms.map((k) => k.form));
const formToKind = new Map(kindForms.map((k) => [k.form.toLowerCase(), k.kind]));
const verbs = compileWords(cues.awardVerbs);
const titleAtStart = compileWordsAtStart(titles.titles.flatMap((t) => t.forms));
const collectives = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s+(?:${alternationOf(awards.countNouns.collectives)})(?![\\p{L}])`, 'u');
const individuals = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s+(?:${alternationOf(awards.countNouns.individuals)})(?![\\p{L}])`, 'u');
const ON_BEHALF = /(?:thay mat|thua uy quyen(?: cua)?|uy quyen cua)\s+$/u;

function kindOf(ctx: DocContext, start: number, end: number): string {
  const surface = ctx.text.slice(start, end).toLowerCase();
  return formToKind.get(surface) ?? kindForms.find((k) => shadowOf(k.form) === ctx.shadow.slice(start, end))?.kind ?? surface;
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
  for (const s of sentences) {
    const shadow = ctx.shadow.slice(s.start, s.end);
    const hits = allMatches(kindRe, shadow);
    if (hits.length === 0) continue;
    verbs.lastIndex = 0;
    const hasVerb = verbs.test(shadow);
    for (const [i, h] of hits.entries()) {
      const start = s.start + h.index;
      const end = start + h[0].length;
      const kind = kindOf(ctx, start, end);
      let award = byKind.get(kind);
      if (!award) {
        award = { kind, name: ctx.text.slice(start, end), mentions: [], authority: null, counts: {}, recipients: [], attributes: {} };
        byKind.set(kind, award);
      }
      award.mentions.push({ start, end, text: ctx.text.slice(start, end) });
      const surface = ctx.text.slice(start, end);
      if (surface.length > award.kind.length && !award.attributes.class) award.attributes.class = surface;
      if (!hasVerb) continue;
      const segmentEnd = hits[i + 1] ? s.start + (hits[i + 1]?.index ?? 0) : s.end;
      findAuthority(ctx, award, s, start, end, orgs);
      findCounts(ctx, award, s, segmentEnd);
      findRecipients(ctx, award, s, start, end, segmentEnd, orgs, officials);
    }
  }
  return [...byKind.values()].filter((a) => a.mentions.length > 0);
}

function findAuthority(ctx: DocContext, award: AwardFound, s: Span, start: number, end: number, orgs: OrgMention[]): void {
  if (award.authority) return;
  const after = ctx.shadow.slice(end, end + 60);
  const of = /^(?:\s+["“”']?[^"“”']{0,30}["“”']?)?\s+cua\s+/u.exec(after);
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
  if (org) {
    award.authority = org;
    award.authorityEvidence = s;
  }
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
    const from = end + cho.index;
    const stop = ctx.shadow.slice(from, segmentEnd).search(/(?<![\p{L}])(?:vi|nham)\s/u);
    const to = stop < 0 ? segmentEnd : from + stop;
    for (const o of orgs) if (o.start >= from && o.end <= to) add({ org: o });
    for (const o of officials) if (o.nameStart >= from && o.nameEnd <= to) add({ official: o });
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
