import type { DocContext, OrgMention } from './context.ts';
import type { OfficialMention } from './officials.ts';
import type { Role, Span } from '../record/schema.ts';
import { cues } from '../lexicon.ts';
import { compileExactWordLists, compilePattern, compileWords } from '../text/patterns.ts';
import { foldPattern } from '../text/fold.ts';

/**
 * What officials and organisations did at the meeting: chaired, directed, spoke
 * or attended, from cue verbs next to their mention (`… chủ trì cuộc họp`,
 * `Phát biểu tại hội nghị, đồng chí …`), attendance lists (`Tham dự có …`) and
 * delegations (`Lãnh đạo Sở … phát biểu`). One role per participant: the strongest.
 */

export type Participation = { role: Role; evidence: Span };

const RANK: Record<Role, number> = { chaired: 4, directed: 3, spoke: 2, attended: 1 };
/** The cue words of every role, searched in one pass. */
const roleCues = compileExactWordLists(cues.roles.map((r) => r.patterns));
const attendance = new RegExp(`(?:${compileWords(cues.attendancePrefixes).source})|${compilePattern(cues.attendanceList).source}`, 'g');
const delegate = new RegExp(`(?:${cues.delegatePrefixes.map(foldPattern).join('|')})\\s+$`, 'u');
const NEAR = 60;
/** Verbs of one group: `tham dự và phát biểu chỉ đạo`, `phát biểu, chỉ đạo`. */
const JOINED_VERBS = /^\s*(?:,|va)\s*$/u;
/** Officials listed together, who share the verb that follows the last (`A, B và C tham dự`). */
const LISTED_WITH = /^\s*(?:[,;]|va|cung|cung voi)?\s*(?:va\s+)?(?:(?:nguyen|cuu)\s+)?$/u;

type Cue = { role: Role; start: number; end: number };

function cuesIn(ctx: DocContext, s: Span): Cue[] {
  // matched with diacritics: `tặng` (gives) is not `tăng` (grows)
  const lower = ctx.lower.slice(s.start, s.end);
  const found: Cue[] = [];
  const matches = roleCues.matchEach(lower);
  cues.roles.forEach((r, i) => {
    for (const m of matches[i] ?? []) found.push({ role: r.role, start: s.start + m.index, end: s.start + m.index + m[0].length });
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((c, i) => !found.some((o, j) => j !== i && o.start <= c.start && o.end >= c.end && (o.end - o.start > c.end - c.start)));
}

/** Merges a role into the map, keeping the strongest per participant. */
export function keepStrongest<K>(map: Map<K, Participation>, key: K, p: Participation): void {
  const had = map.get(key);
  if (!had || RANK[p.role] > RANK[had.role]) map.set(key, p);
}

/** The sentence that contains `pos`. */
function sentenceOf(sentences: Span[], pos: number): Span | undefined {
  return sentences.find((s) => s.start <= pos && pos <= s.end);
}

/** The roles of officials (by name) and organisations (by mention) in the given sentences. */
export function findRoles(
  ctx: DocContext,
  sentences: Span[],
  officials: OfficialMention[],
  orgs: OrgMention[],
  inTitles: (o: OrgMention) => boolean,
): { officials: Map<string, Participation>; orgs: Map<OrgMention, Participation> } {
  const byOfficial = new Map<string, Participation>();
  const byOrg = new Map<OrgMention, Participation>();
  const cueCache = new Map<Span, Cue[]>();
  const cuesOf = (s: Span): Cue[] => {
    let c = cueCache.get(s);
    if (!c) cueCache.set(s, (c = cuesIn(ctx, s)));
    return c;
  };
  const listStarts = new Map<Span, number>();
  const listStart = (s: Span): number => {
    let from = listStarts.get(s);
    if (from === undefined) {
      attendance.lastIndex = 0;
      const list = attendance.exec(ctx.shadow.slice(s.start, s.end));
      listStarts.set(s, (from = list ? s.start + list.index + list[0].length : Infinity));
    }
    return from;
  };
  /** The role a verb group right after official `i` gives (`tham dự và phát biểu chỉ đạo`: the strongest of its verbs), shared by those listed with the next (`A và B tham dự`). */
  const roleAfter = (i: number, depth = 0): Role | undefined => {
    const p = officials[i] as OfficialMention;
    const last = sentenceOf(sentences, Math.max(p.start, p.end - 1));
    if (!last) return undefined;
    const next = officials[i + 1];
    const nextStart = next && next.start < last.end ? next.start : last.end;
    const group = cuesOf(last).filter((c) => c.start >= p.end);
    const firstCue = group[0];
    if (firstCue && firstCue.start < Math.min(nextStart, p.end + NEAR)) {
      let role = firstCue.role;
      for (let k = 1, end = firstCue.end; k < group.length; k++) {
        const c = group[k] as Cue;
        if (!JOINED_VERBS.test(ctx.shadow.slice(end, c.start))) break;
        if (RANK[c.role] > RANK[role]) role = c.role;
        end = c.end;
      }
      return role;
    }
    if (next && depth < 12 && next.start < last.end && LISTED_WITH.test(ctx.shadow.slice(p.end, next.start))) return roleAfter(i + 1, depth + 1);
    return undefined;
  };
  officials.forEach((p, i) => {
    const first = sentenceOf(sentences, p.start);
    const last = sentenceOf(sentences, Math.max(p.start, p.end - 1));
    if (!first || !last) return;
    const after = roleAfter(i);
    const prev = officials[i - 1];
    const prevEnd = prev && prev.end > first.start ? prev.end : first.start;
    const before = [...cuesOf(first)].reverse().find((c) => c.end <= p.start && c.start >= prevEnd);
    const found = [after, before?.role, p.start >= listStart(first) ? 'attended' : undefined].filter((r): r is Role => r !== undefined);
    const role = found.sort((a, b) => RANK[b] - RANK[a])[0];
    if (role) keepStrongest(byOfficial, p.name, { role, evidence: first.end >= p.end ? first : { start: first.start, end: last.end, text: ctx.text.slice(first.start, last.end) } });
  });
  for (const s of sentences) {
    const bodies = orgs.filter((o) => o.start >= s.start && o.end <= s.end && !inTitles(o) && o.type !== 'Cooperative');
    if (bodies.length === 0) continue;
    const from = listStart(s);
    const people = officials.filter((p) => p.start >= s.start && p.start < s.end);
    for (const o of bodies) {
      const lead = ctx.shadow.slice(Math.max(s.start, o.start - 30), o.start);
      const delegated = delegate.test(lead);
      const nextPerson = people.find((p) => p.start >= o.end)?.start ?? s.end;
      const after = delegated ? cuesOf(s).find((c) => c.start >= o.end && c.start < Math.min(nextPerson, o.end + 30)) : undefined;
      if (after) keepStrongest(byOrg, o, { role: after.role, evidence: s });
      else if (o.start >= from && !insideParentheses(ctx, s, o) && (delegated || isListed(ctx, o, from))) keepStrongest(byOrg, o, { role: 'attended', evidence: s });
    }
  }
  return { officials: byOfficial, orgs: byOrg };
}

/** Whether the mention sits in brackets, as an aside (`Cục … (Bộ Kế hoạch và Đầu tư)`). */
function insideParentheses(ctx: DocContext, s: Span, o: OrgMention): boolean {
  const before = ctx.text.slice(s.start, o.start);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/** Whether an organisation in an attendance list is itself a guest (not the object of another phrase). */
function isListed(ctx: DocContext, o: OrgMention, from: number): boolean {
  const gap = ctx.shadow.slice(from, o.start);
  return !/(?<![\p{L}])(?:cua|cho|ve|tai|voi)\s+[^,;]*$/u.test(gap);
}
