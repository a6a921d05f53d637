import type { DocContext, OrgMention } from './context.ts';
import type { Span } from '../record/schema.ts';
import { cues } from '../lexicon.ts';
import { compileWords } from '../text/patterns.ts';

/**
 * Cooperation: organisations that sign a cooperation programme together, and
 * explicit statements or instructions that one coordinates with another
 * (`Sở KH&ĐT phối hợp với Liên minh HTX tỉnh`, `Tích cực phối hợp Sở KH&ĐT …`
 * whose subject is the previous sentence's). Generic partners (`các sở, ngành`)
 * are no one.
 */

export type CooperationFound = { a: OrgMention; b: OrgMention; evidence: Span };

const signing = compileWords(cues.cooperation.signing);
const coordinate = compileWords(cues.cooperation.coordinate);
const WITNESS = /(?:chung kien|duoi su|su tham du|dai dien|lanh dao)\s/u;
const VENUE_BEFORE = /(?<![\p{L}])tai\s+(?:(?:hoi truong|tru so|van phong|phong hop|nha van hoa)\s+)?$/u;
const JOINER = /^(?:\s*,\s*|\s+va\s+|\s+cung\s+)$/u;

type Party = OrgMention;

function isParty(o: OrgMention): boolean {
  return o.type === 'Alliance' || o.type === 'Agency';
}

/** Organisations listed one after another from `pos`: `A, B và C`. */
function readList(ctx: DocContext, pos: number, orgs: Party[]): Party[] {
  const list: Party[] = [];
  let at = pos;
  for (const o of orgs) {
    if (o.start < at) continue;
    const gap = ctx.shadow.slice(at, o.start);
    if (list.length === 0 ? !/^\s*(?:voi\s+)?$/u.test(gap) : !JOINER.test(gap)) break;
    list.push(o);
    at = o.end;
  }
  return list;
}

/** An organisation that only qualifies another (`… thuộc Sở Tài chính`, `… của Hội Nông dân`). */
function isModifier(ctx: DocContext, o: OrgMention): boolean {
  return /(?:thuoc|truc thuoc|cua)\s+$/u.test(ctx.shadow.slice(Math.max(0, o.start - 12), o.start));
}

/** The organisation a sentence is about: its last organisation outside officials' titles. */
function subjectOf(ctx: DocContext, orgs: Party[], from: number, to: number, inTitles: (o: OrgMention) => boolean): Party | undefined {
  const before = orgs.filter((o) => o.start >= from && o.end <= to && !inTitles(o) && !isModifier(ctx, o));
  return before[before.length - 1];
}

/** The organisations listed right before `pos` (`A, B và C phối hợp`), when there are several. */
function listBefore(ctx: DocContext, orgs: Party[], pos: number, inTitles: (o: OrgMention) => boolean): Party[] {
  const before = orgs.filter((o) => o.end <= pos && !inTitles(o));
  const last = before[before.length - 1];
  if (!last || !/^\s*$/u.test(ctx.shadow.slice(last.end, pos))) return [];
  const list = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const o = before[i] as Party;
    if (!JOINER.test(ctx.shadow.slice(o.end, (list[0] as Party).start))) break;
    list.unshift(o);
  }
  return list.length > 1 ? list : [];
}

/** Pairs of organisations that cooperate, each with the sentence that says so. */
export function findCooperation(ctx: DocContext, sentences: Span[], allOrgs: OrgMention[], inTitles: (o: OrgMention) => boolean): CooperationFound[] {
  const orgs = allOrgs.filter(isParty);
  const out: CooperationFound[] = [];
  const pair = (a: Party | undefined, b: Party | undefined, evidence: Span): void => {
    if (!a || !b || a.name === b.name && a.province === b.province) return;
    out.push({ a, b, evidence });
  };
  sentences.forEach((s, i) => {
    const shadow = ctx.shadow.slice(s.start, s.end);
    signing.lastIndex = 0;
    const sign = signing.exec(shadow);
    if (sign) {
      const cueAt = s.start + sign.index;
      const clauseStart = s.start + Math.max(0, shadow.lastIndexOf(';', sign.index) + 1);
      const witness = WITNESS.exec(ctx.shadow.slice(clauseStart, cueAt));
      // the venue (`tại Hội trường UBND tỉnh`) and the witnesses are no parties
      const partiesBefore = orgs.filter((o) => o.start >= clauseStart && o.end <= cueAt && !(witness && o.start > clauseStart + witness.index) && !VENUE_BEFORE.test(ctx.shadow.slice(Math.max(clauseStart, o.start - 24), o.start)));
      const afterCue = s.start + sign.index + sign[0].length;
      const withAt = /(?<![\p{L}])(?:voi|giua)\s/u.exec(ctx.shadow.slice(afterCue, afterCue + 80));
      const partiesAfter = withAt ? readList(ctx, afterCue + withAt.index + withAt[0].length, orgs) : [];
      const before = partiesBefore.filter((o) => !isModifier(ctx, o));
      if (partiesAfter.length > 0) for (const a of before) for (const b of partiesAfter) pair(a, b, s);
      else for (let x = 0; x < before.length; x++) for (let y = x + 1; y < before.length; y++) pair(before[x], before[y], s);
      return;
    }
    coordinate.lastIndex = 0;
    for (let c = coordinate.exec(shadow); c; c = coordinate.exec(shadow)) {
      const cueAt = s.start + c.index;
      const partners = readList(ctx, cueAt + c[0].length, orgs);
      if (partners.length === 0) {
        // `A và B phối hợp tổ chức …`: the bodies listed as the subject act together
        const together = listBefore(ctx, orgs, cueAt, inTitles);
        for (let x = 0; x < together.length; x++) for (let y = x + 1; y < together.length; y++) pair(together[x], together[y], s);
        continue;
      }
      let subject = subjectOf(ctx, orgs, s.start, cueAt, inTitles);
      if (!subject && cueAt - s.start < 25) {
        const prev = sentences[i - 1];
        if (prev) subject = subjectOf(ctx, orgs, prev.start, prev.end, inTitles);
      }
      for (const p of partners) pair(subject, p, s);
    }
  });
  return out;
}
