import type { DocContext, OrgMention } from './context.ts';
import { titles } from '../lexicon.ts';
import { alternationOf, escapeRegExp } from '../text/patterns.ts';
import { shadowOf } from '../text/fold.ts';
import { WORD_LETTER, codePointWidth, findWordCapital } from '../text/chars.ts';
import { unitsOf } from '../text/code-units.ts';

/**
 * Officials: a personal name with the titles and organisations that go with it,
 * in every common order — `Đồng chí Đinh Công Sứ, Phó Chủ tịch UBND tỉnh`,
 * `Đ/c X, Ủy viên BTV …,\nViện trưởng Viện …` (several titles, one on the next
 * line), `Phó Chủ tịch UBND tỉnh Đồng Nai Trần Văn Vĩnh` (title first). A name
 * needs a title or an honorific; without an honorific it must start with a known
 * surname. Later uses of a known name are mentions of the same official.
 */

export type Position = { title: string; org: OrgMention | null };
export type OfficialMention = { name: string; start: number; end: number; nameStart: number; nameEnd: number; positions: Position[] };

const titleByForm = new Map(titles.titles.flatMap((t) => t.forms.map((f) => [shadowOf(f).replace(/\s+/g, ' '), t] as const)));
const TITLE_AT = new RegExp(`(?:${alternationOf(titles.titles.flatMap((t) => t.forms))})(?![${WORD_LETTER}])`, 'y');

/** The title that starts exactly at `pos`, and where it ends. */
function titleStartingAt(ctx: DocContext, pos: number): { title: (typeof titles.titles)[number]; end: number } | null {
  TITLE_AT.lastIndex = pos;
  const m = TITLE_AT.exec(ctx.shadow);
  if (!m) return null;
  const title = titleByForm.get(m[0].replace(/\s+/g, ' '));
  return title ? { title, end: pos + m[0].length } : null;
}
const honorificAlternation = [...titles.honorifics].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** An honorific right before a name (`Đ/c `, `Ông `, `TS. `), or a plural one opening a list (`các đồng chí: `). */
const honorificBefore = new RegExp(`(?:^|[^\\p{L}])(?:${honorificAlternation})\\s*:?\\s*$`, 'u');
const honorificAtStart = new RegExp(`^(?:${honorificAlternation})(?:\\s+|(?<=\\.))`, 'u');
const surnames = new Set(titles.surnames);
const NAME = /(\p{Lu}\p{Ll}*(?:['’]\p{L}+)?)(?: (\p{Lu}\p{Ll}*))(?: (\p{Lu}\p{Ll}*))?(?: (\p{Lu}\p{Ll}*))?(?![\p{L}\p{N}])/uy;
const ELECTED = /^(?:\s+[^\s.;,:()]+){0,8}?\s+(?:đã\s+)?(?:được\s+)?(?:(?:hiệp thương\s+)?bầu(?:\s+lại)?|tái cử|bổ nhiệm|tín nhiệm bầu)(?:\s+(?:giữ chức|làm|là|vào chức|giữ chức vụ))?\s+/u;
/** How far back an election looks for the body whose office it fills, when the title names none (characters). */
const ELECTION_CONTEXT = 1000;
const ELECTED_ALSO = /^\s*[,;]\s*(?:ông|bà|đồng chí|đ\/c)\s+/u;
const ELECTED_LIST = /^\s+và\s+(?:ông|bà|đồng chí)\s+/u;
const FORMER = /^(?:nguyên|cựu)\s+/u;
const ASSIGNED = /chức danh\s+$/u;
const FOR_PERSON = /^\s+(?:đối với|cho)\s+(?:ông|bà|đồng chí|đ\/c)\s+/u;
const SEPARATOR = /^(?:\s*,\s*|\s*[-–—]\s*|\s*\n\s*|,?\s*kiêm\s+|\s*,?\s*\n\s*)/u;

/**
 * `ông X được bầu giữ chức Chủ tịch Liên minh HTX tỉnh`, `bà X và ông Y được bầu làm
 * Phó Chủ tịch`: the title chain after the election cue, for the person and the others
 * listed with `và`. A title without its organisation takes the last one named before.
 */
function readElection(ctx: DocContext, nameEnd: number, orgs: OrgMention[]): { chain: { positions: Position[]; end: number }; others: OfficialMention[] } | null {
  const others: OfficialMention[] = [];
  let at = nameEnd;
  for (;;) {
    const more = ELECTED_LIST.exec(ctx.text.slice(at, at + 20));
    if (!more) break;
    const other = readName(ctx, at + more[0].length);
    if (!other) break;
    others.push({ name: other.name, start: other.start, end: other.end, nameStart: other.start, nameEnd: other.end, positions: [] });
    at = other.end;
  }
  const cue = ELECTED.exec(ctx.text.slice(at, at + 90));
  if (!cue) return null;
  const chain = readTitleChain(ctx, at + cue[0].length, orgs);
  if (chain.positions.length === 0) return null;
  // the body whose office it is: the last one named just before, or, for an election at a congress
  // (`tại đại hội lần thứ V, ông X được bầu làm Chủ tịch`), the last alliance the report named
  const near = orgs.filter((o) => o.end <= nameEnd && o.end > nameEnd - 300 && (o.type === 'Alliance' || o.type === 'Agency'));
  const atCongress = /(?<![\p{L}])dai hoi(?![\p{L}])/u.test(ctx.shadow.slice(Math.max(0, nameEnd - 150), nameEnd));
  const alliances = atCongress ? orgs.filter((o) => o.type === 'Alliance' && o.end <= nameEnd && o.end > nameEnd - ELECTION_CONTEXT) : [];
  const context = alliances[alliances.length - 1] ?? near[near.length - 1] ?? null;
  const positions = chain.positions.map((p) => (p.org ? p : { ...p, org: context }));
  for (const o of others) o.positions = positions;
  // `…, bà Y làm Phó Chủ tịch`: those elected with them to other offices, the election cue left out
  for (let after = chain.end; ; ) {
    const also = ELECTED_ALSO.exec(ctx.text.slice(after, after + 20));
    const next = also ? readName(ctx, after + also[0].length) : null;
    const as = next ? /^\s+(?:làm|giữ chức|là)\s+/u.exec(ctx.text.slice(next.end, next.end + 16)) : null;
    if (!next || !as) break;
    const theirs = readTitleChain(ctx, next.end + as[0].length, orgs);
    if (theirs.positions.length === 0) break;
    others.push({ name: next.name, start: next.start, end: theirs.end, nameStart: next.start, nameEnd: next.end, positions: theirs.positions.map((p) => (p.org ? p : { ...p, org: context })) });
    after = theirs.end;
  }
  return { chain: { positions, end: chain.end }, others };
}

/** Whether [start, end) overlaps a province mention (the mentions are sorted by start). */
function overlapsProvince(ctx: DocContext, start: number, end: number): boolean {
  const mentions = ctx.provinceMentions;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as (typeof mentions)[number]).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const m = mentions[lo];
  return m !== undefined && m.start < end;
}

/**
 * A personal name starting exactly at `pos`: two to four capitalised syllables, ending before a
 * title that follows without a comma (`Nguyễn Văn A Chủ tịch …`), and not a province's name.
 */
function readName(ctx: DocContext, pos: number): { start: number; end: number; name: string } | null {
  const space = ctx.text.indexOf(' ', pos);
  if (space < 0 || space - pos > 12) return null;
  const next = ctx.text[space + 1];
  if (next === undefined || next === next.toLowerCase()) return null;
  NAME.lastIndex = pos;
  const m = NAME.exec(ctx.text);
  if (!m) return null;
  let end = pos + m[0].length;
  // a title glued to the name: cut the name before it
  for (let at = ctx.text.indexOf(' ', space + 1); at > 0 && at < end; at = ctx.text.indexOf(' ', at + 1)) {
    if (titleStartingAt(ctx, at + 1)) {
      end = at;
      break;
    }
  }
  if (ctx.text.slice(pos, end).indexOf(' ') < 0) return null;
  if (overlapsProvince(ctx, pos, end)) return null;
  return { start: pos, end, name: ctx.text.slice(pos, end) };
}

/** Titles (each with the organisation after it) starting at `pos`, joined by commas, dashes or line breaks. */
function readTitleChain(ctx: DocContext, pos: number, orgs: OrgMention[]): { positions: Position[]; end: number } {
  const positions: Position[] = [];
  let at = pos;
  let end = pos;
  for (;;) {
    // a former office (`nguyên Chủ tịch …`) is a position too, and says so in its title
    const former = FORMER.exec(ctx.text.slice(at, at + 8));
    const titleAtPos = former ? at + former[0].length : at;
    const found = titleStartingAt(ctx, titleAtPos);
    if (!found) break;
    const { title, end: titleEnd } = found;
    let org: OrgMention | null = orgs.find((o) => o.start >= titleEnd && o.start <= titleEnd + 1) ?? null;
    let unitName = '';
    if (!org) {
      // the organisation starts inside the title: `Trưởng ban Tổ chức Tỉnh ủy`, `Trưởng Ban Chỉ đạo …`,
      // `Ủy viên Ban Thường vụ Tỉnh ủy` (whose standing committee is the Tỉnh ủy's own)
      const covering = orgs.find((o) => o.start > titleAtPos && o.start < titleEnd && o.end > titleEnd);
      if (covering) org = { ...covering, name: covering.name.replace(/^Ban (?:Thường vụ|Chấp hành) (?=\p{Lu})/u, '') };
    }
    if (!org) {
      // `Bí thư Đảng đoàn Liên minh HTX Việt Nam`: the party group of a body stands for the body
      const party = /^\s+(?:Đảng đoàn|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ)\s+/u.exec(ctx.text.slice(titleEnd, titleEnd + 16));
      if (party) org = orgs.find((o) => o.start === titleEnd + party[0].length) ?? null;
    }
    if (!org) {
      const unit = /^ [^,.;()\n]{1,60}, /u.exec(ctx.text.slice(titleEnd, titleEnd + 64));
      const parent = unit ? orgs.find((o) => o.start === titleEnd + unit[0].length) : undefined;
      if (parent && unit) {
        org = parent;
        unitName = unit[0].replace(/,\s*$/u, '').trim();
      }
    }
    if (!org && title.implies) {
      org = { type: 'Agency', name: title.implies, province: /ủy$/u.test(title.implies) ? ctx.province : null, start: at, end: titleEnd };
    }
    const named = unitName ? `${title.title} ${unitName}` : title.title;
    positions.push({ title: former ? `${former[0].trim()} ${named}` : named, org });
    end = org && org.end > titleEnd ? org.end : titleEnd;
    // an office at a body the recognisers do not know (`Bí thư Đảng đoàn, Chủ tịch …`): the chain goes on after it
    const unknown = org ? null : /^ \p{Lu}[\p{L}]*(?: [\p{L}]+){0,4}(?=\s*[,;–-])/u.exec(ctx.text.slice(end, end + 50));
    if (unknown && !orgs.some((o) => o.start >= end && o.start < end + unknown[0].length)) end += unknown[0].length;
    const sep = SEPARATOR.exec(ctx.text.slice(end, end + 12));
    if (!sep) break;
    at = end + sep[0].length;
  }
  return { positions, end };
}

/** Whether a person's name (with a known surname, or after an honorific) starts right after `pos`. */
function startsPerson(ctx: DocContext, pos: number, orgs: OrgMention[]): boolean {
  const space = /^ +|^ ?\n/u.exec(ctx.text.slice(pos, pos + 3));
  if (!space) return false;
  const at = pos + space[0].length;
  const next = readName(ctx, at);
  if (!next || orgs.some((o) => next.start < o.end && next.end > o.start)) return false;
  return surnames.has(next.name.split(' ')[0] ?? '') || hasHonorificBefore(ctx, at);
}

function titleAt(ctx: DocContext, pos: number): boolean {
  return titleStartingAt(ctx, pos) !== null;
}

function hasHonorificBefore(ctx: DocContext, pos: number): boolean {
  return honorificBefore.test(ctx.text.slice(Math.max(0, pos - 14), pos));
}

/** Every official the report names, with titles, plus later mentions of the same names. */
export function findOfficials(ctx: DocContext, orgs: OrgMention[], exclude: { start: number; end: number }[]): OfficialMention[] {
  const found: OfficialMention[] = [];
  const taken = (s: number, e: number): boolean =>
    found.some((f) => s < f.end && e > f.start) || exclude.some((x) => s < x.end && e > x.start) || orgs.some((o) => o.type !== 'Agency' && s < o.end && e > o.start);
  const anaphors: { start: number; end: number; positions: Position[] }[] = [];
  // each capital that starts a word may start a name or a title; `next` is where the search resumes
  const units = unitsOf(ctx.text);
  let next = 0;
  for (let pos = findWordCapital(units, 0); pos >= 0; pos = findWordCapital(units, next)) {
    next = pos + codePointWidth(units, pos);
    if (taken(pos, pos + 1)) continue;
    const isTitle = titleAt(ctx, pos);
    if (!isTitle && honorificAtStart.test(ctx.text.slice(pos, pos + 10))) continue;
    const name = isTitle ? null : readName(ctx, pos);
    if (name && !orgs.some((o) => name.start < o.end && name.end > o.start)) {
      const honorific = hasHonorificBefore(ctx, pos);
      const first = name.name.split(' ')[0] ?? '';
      // the title after the name: after a comma, dash or line break, or glued on (`Nguyễn Văn A Chủ tịch …`)
      const sep = SEPARATOR.exec(ctx.text.slice(name.end, name.end + 12)) ?? (ctx.text[name.end] === ' ' && titleAt(ctx, name.end + 1) ? [' '] : null);
      let chain = sep ? readTitleChain(ctx, name.end + (sep[0] ?? '').length, orgs) : { positions: [] as Position[], end: name.end };
      // in a list of `title name` items the title after a comma is the next person's
      if (chain.positions.length > 0 && startsPerson(ctx, chain.end, orgs)) chain = { positions: [], end: name.end };
      // a name without honorific or known surname counts when a title at an organisation follows it
      const titled = chain.positions.some((p) => p.org !== null);
      if (honorific || surnames.has(first) || titled) {
        const former = sep ? FORMER.exec(ctx.text.slice(name.end + (sep[0] ?? '').length, name.end + (sep[0] ?? '').length + 8)) : null;
        const comma = /^,?/u.exec(ctx.text.slice(chain.end, chain.end + 1));
        const elected = chain.positions.length > 0 ? readElection(ctx, chain.end + (comma?.[0].length ?? 0), orgs) : readElection(ctx, name.end, orgs);
        if (elected) {
          for (const other of elected.others) found.push(other);
          // someone elected from a former office holds only the new one
          chain = { positions: former ? elected.chain.positions : [...chain.positions, ...elected.chain.positions], end: elected.chain.end };
        }
        if (chain.positions.length > 0 || honorific) {
          found.push({ name: name.name, start: pos, end: chain.positions.length > 0 ? chain.end : name.end, nameStart: name.start, nameEnd: name.end, positions: chain.positions });
          next = chain.positions.length > 0 ? chain.end : name.end;
          continue;
        }
      }
    }
    const chain = readTitleChain(ctx, pos, orgs);
    if (chain.positions.length === 0) continue;
    // `nguyên Chủ tịch … X`: a former office, written before the capital the scan stopped at
    const formerBefore = /(?<![\p{L}])(nguyên|cựu)\s+$/u.exec(ctx.text.slice(Math.max(0, pos - 8), pos));
    if (formerBefore?.[1] && chain.positions[0]) chain.positions[0] = { ...chain.positions[0], title: `${formerBefore[1]} ${chain.positions[0].title}` };
    // an aside between the titles and the name: `Ủy viên Thường trực Ủy ban Kinh tế Quốc hội (khóa XV) Phạm Thị A`
    const space =
      (ASSIGNED.test(ctx.text.slice(Math.max(0, pos - 12), pos)) ? FOR_PERSON.exec(ctx.text.slice(chain.end, chain.end + 24)) : null) ??
      /^ \([^()\n]{1,30}\) |^ +|^ ?\n/u.exec(ctx.text.slice(chain.end, chain.end + 34));
    const after = space ? readName(ctx, chain.end + space[0].length) : null;
    const first = after?.name.split(' ')[0] ?? '';
    const honorific = hasHonorificBefore(ctx, pos) || honorificAtStart.test(ctx.text.slice(pos, pos + 10)) || (space !== null && FOR_PERSON.test(space[0]));
    if (after && (surnames.has(first) || honorific) && !orgs.some((o) => after.start < o.end && after.end > o.start)) {
      found.push({ name: after.name, start: pos, end: after.end, nameStart: after.start, nameEnd: after.end, positions: chain.positions });
      next = after.end;
    } else {
      if (honorific) anaphors.push({ start: pos, end: chain.end, positions: chain.positions });
      next = chain.end;
    }
  }
  for (const p of found) fillFromSide(ctx, p, orgs);
  return resolveAnaphors(addRepeatMentions(ctx, found), anaphors);
}

/**
 * `Về phía Ủy ban Dân tộc, có Thứ trưởng, Phó Chủ nhiệm X tham dự`: offices named without their body,
 * in a clause that opens with the side someone came from, are at that body.
 */
function fillFromSide(ctx: DocContext, p: OfficialMention, orgs: OrgMention[]): void {
  if (!p.positions.some((pos) => pos.org === null)) return;
  const clauseFrom = Math.max(ctx.text.lastIndexOf(';', p.start), ctx.text.lastIndexOf('.', p.start), ctx.text.lastIndexOf('\n', p.start));
  const side = orgs.find((o) => o.start > clauseFrom && o.end <= p.start && (o.type === 'Agency' || o.type === 'Alliance') && /(?<![\p{L}])ve phia\s+$/u.test(ctx.shadow.slice(Math.max(0, o.start - 10), o.start)));
  if (side) p.positions = p.positions.map((pos) => (pos.org === null ? { ...pos, org: side } : pos));
}

/**
 * `đồng chí Phó Chủ tịch UBND tỉnh` without a name: the official the report introduced
 * with that title at that organisation, when there is exactly one.
 */
function resolveAnaphors(found: OfficialMention[], anaphors: { start: number; end: number; positions: Position[] }[]): OfficialMention[] {
  if (anaphors.length === 0) return found;
  const extra: OfficialMention[] = [];
  const keyOf = (p: Position): string => `${p.title}|${p.org?.name ?? ''}|${p.org?.province ?? ''}`;
  for (const a of anaphors) {
    const wanted = a.positions.map(keyOf);
    const holders = new Set(found.filter((f) => f.positions.some((p) => wanted.includes(keyOf(p)))).map((f) => f.name));
    if (holders.size !== 1) continue;
    const name = [...holders][0] as string;
    extra.push({ name, start: a.start, end: a.end, nameStart: a.start, nameEnd: a.end, positions: [] });
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((x, y) => x.start - y.start);
}

/** Later (or earlier) bare uses of a name already introduced with a title. */
function addRepeatMentions(ctx: DocContext, found: OfficialMention[]): OfficialMention[] {
  const names = [...new Set(found.map((f) => f.name))];
  const extra: OfficialMention[] = [];
  const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (const name of names) {
    for (let start = ctx.text.indexOf(name); start >= 0; start = ctx.text.indexOf(name, start + 1)) {
      const end = start + name.length;
      if (isLetter(ctx.text[start - 1]) || isLetter(ctx.text[end])) continue;
      if (found.some((f) => start < f.end && end > f.start) || extra.some((f) => start < f.end && end > f.start)) continue;
      extra.push({ name, start, end, nameStart: start, nameEnd: end, positions: [] });
    }
  }
  return [...found, ...extra].sort((a, b) => a.start - b.start);
}
