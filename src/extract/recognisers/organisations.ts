import type { DocContext, OrgMention } from './context.ts';
import { levelWordOf } from './context.ts';
import { canonicalName } from '../text/canonical.ts';
import { shadowOf } from '../text/fold.ts';
import { agencies, titles } from '../lexicon.ts';
import type { OpenHead } from '../lexicon.ts';
import { readLevel } from './level.ts';
import { allMatches, compileExactWordsAtStart, compileWordLists, compileWordsAtStart, escapeRegExp } from '../text/patterns.ts';
import { findAlliances } from './alliances.ts';
import { findCooperatives } from './cooperatives.ts';

/**
 * Finds the organisations a report names — alliances, agencies, cooperatives —
 * each resolved to its canonical name and province. Recognisers run from the most
 * specific to the most open; a later match overlapping an earlier one is dropped.
 */

const keyOf = (matched: string): string => matched.replace(/\s+/g, ' ');

/** All the named forms of a list of entries, and the entry each matched form belongs to. */
function compileTable<T extends { forms: string[] }>(entries: T[]): { forms: string[]; entryOf(matched: string): T | undefined } {
  const byForm = new Map<string, T>();
  for (const e of entries) for (const f of e.forms) if (!byForm.has(keyOf(shadowOf(f)))) byForm.set(keyOf(shadowOf(f)), e);
  return { forms: entries.flatMap((e) => e.forms), entryOf: (matched) => byForm.get(keyOf(matched)) };
}
const national = compileTable(agencies.national);
const committees = agencies.partyCommittees;
const boards = compileTable(agencies.partyBoards);
const committeeAfter = compileWordsAtStart(agencies.partyCommittees.flatMap((c) => [...c.forms, ...c.cityForms]));
/** A department's forms, each also with `&` for `và` (`Nông nghiệp & Phát triển nông thôn`). */
const departments = agencies.departments.map((d) => ({ name: d.name, re: compileWordsAtStart(d.forms.flatMap((f) => (f.includes(' và ') ? [f, f.replace(/ và /gu, ' & ')] : [f]))) }));
/** `so` and `bo` as words: the letter before is checked apart (LETTER_BEFORE), which keeps the scan fast. */
const DEPARTMENT_HEADS = [
  { re: /so(?![\p{L}\p{N}])/gu, head: 'Sở', letter: 'S', national: false },
  { re: /bo(?![\p{L}\p{N}])/gu, head: 'Bộ', letter: 'B', national: true },
];
/** A letter or digit ends the text (the last code point, surrogate pairs included). */
const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const provincial = compileTable(agencies.provincial);
const BRANCH = /^\s*[-–]?\s*chi nhanh(?![\p{L}\p{N}])/u;
const VIET_NAM = /^\s+viet nam(?![\p{L}\p{N}])/u;
const open = agencies.open;

/** The head nouns of every list above, searched in one pass over the report. */
const districtCommittees = compileTable(agencies.districtCommittees);
const HEADS = compileWordLists([national.forms, boards.forms, ...committees.flatMap((c) => [c.forms, c.cityForms]), provincial.forms, ...open.map((o) => o.forms), districtCommittees.forms]);

type HeadHits = {
  national: RegExpExecArray[];
  boards: RegExpExecArray[];
  committees: { forms: RegExpExecArray[]; cityForms: RegExpExecArray[] }[];
  provincial: RegExpExecArray[];
  open: RegExpExecArray[][];
  districtCommittees: RegExpExecArray[];
};

const unitAlternation = agencies.districtUnits.map((u) => u.replace(/ /g, '\\s+')).join('|');
/** A unit below the province and its name (`huyện Cờ Đỏ`, `thị xã Sông Cầu`): a district or commune body is named with it. */
const DISTRICT = new RegExp(`^\\s+(${unitAlternation})\\s+((?:\\p{Lu}[\\p{Ll}\\p{M}']*|\\d+)(?:\\s+(?:\\p{Lu}[\\p{Ll}\\p{M}']*|\\d+)){0,3})(?![\\p{L}])`, 'u');
/** The next unit of a list that shares the body's head (`UBND huyện A, huyện B`). */
const NEXT_DISTRICT = new RegExp(`^(?:\\s*,\\s*|\\s+và\\s+)(?=(?:${unitAlternation})\\s+\\p{Lu})`, 'u');
/** A district body's own name after its head (`Thị ủy An Khê`). */
const DISTRICT_NAME = /^\s+((?:\p{Lu}[\p{Ll}\p{M}']*)(?:\s+\p{Lu}[\p{Ll}\p{M}']*){0,3})(?![\p{L}])/u;
/** What makes a body one in every district (`Phòng Tài chính – Kế hoạch các huyện`), soon after its name. */
const genericAfter = new RegExp(`^[^.,;:()]{0,30}?(?<![\\p{L}])(?:${agencies.genericAfter.map((w) => escapeRegExp(w.toLowerCase())).join('|')})(?![\\p{L}])`, 'u');

/** Where the report names a head of each list, list by list (in the order HEADS was built). */
function findHeads(shadow: string): HeadHits {
  const each = HEADS.matchEach(shadow);
  const list = (i: number): RegExpExecArray[] => each[i] ?? [];
  const afterCommittees = 2 + 2 * committees.length;
  return {
    national: list(0),
    boards: list(1),
    committees: committees.map((_, i) => ({ forms: list(2 + 2 * i), cityForms: list(3 + 2 * i) })),
    provincial: list(afterCommittees),
    open: open.map((_, i) => list(afterCommittees + 1 + i)),
    districtCommittees: list(afterCommittees + 1 + open.length),
  };
}
const stopAtStart = compileExactWordsAtStart(agencies.stopWords);
const GENERIC_BEFORE = /(?:cac|nhung|moi|mot so)\s+$/u;
const titleAtStart = compileWordsAtStart(titles.titles.flatMap((t) => t.forms));
const JOIN_AHEAD = /^(?:\s*,\s*|\s+va\s+)/u;

type Found = OrgMention;

class Claims {
  private spans: { start: number; end: number }[] = [];
  /** Whether [start, end) overlaps a span already taken. */
  overlaps(start: number, end: number): boolean {
    return this.spans.some((s) => start < s.end && end > s.start);
  }
  take(m: Found, out: Found[]): void {
    if (this.overlaps(m.start, m.end)) return;
    this.spans.push({ start: m.start, end: m.end });
    out.push(m);
  }
}

function isGeneric(ctx: DocContext, start: number): boolean {
  return GENERIC_BEFORE.test(ctx.shadow.slice(Math.max(0, start - 10), start));
}

/**
 * A national body, or its provincial branch when `chi nhánh` (and a province) or a
 * province name follows: `Ngân hàng HTX Việt Nam - Chi nhánh Nghệ An`, `Agribank Lâm Đồng`.
 */
function readBranch(ctx: DocContext, name: string, start: number, end: number): Found {
  const branch = BRANCH.exec(ctx.shadow.slice(end, end + 16));
  const surface = ctx.text.slice(start, end);
  const base = /\s/u.test(surface) ? canonicalName(surface) : name;
  if (branch) {
    const reading = readLevel(ctx, end + branch[0].length);
    const explicit = reading?.explicit ? reading : null;
    return { type: 'Agency', name: `${base} - Chi nhánh`, province: explicit ? explicit.province : ctx.province, start, end: explicit ? explicit.end : end + branch[0].length };
  }
  const reading = readLevel(ctx, end);
  if (reading?.explicit && /^ \p{Lu}/u.test(ctx.text.slice(end, end + 2))) {
    return { type: 'Agency', name: `${base} - Chi nhánh`, province: reading.province, start, end: reading.end };
  }
  return { type: 'Agency', name, province: null, start, end };
}

/** Words after `pos` up to a stop word, punctuation or the word limit. */
function extendWords(ctx: DocContext, pos: number, limit: number): number {
  let end = pos;
  let words = 0;
  const re = /\s+([\p{L}\p{N}][\p{L}\p{N}&'-]*)/uy;
  while (words < limit) {
    re.lastIndex = end;
    const m = re.exec(ctx.text);
    if (!m) break;
    if (stopAtStart.test(ctx.lower.slice(end, end + 30))) break;
    if (/^\p{Lu}/u.test(m[1] as string) && /^\s+(?:Sở|Hội|Liên minh|UBND|Ủy ban|Ban|Bộ)\b/u.test(ctx.text.slice(end, end + 14)) && words > 0) break;
    end = re.lastIndex;
    words++;
  }
  return end;
}

/** Capitalised words after `pos`, allowing `và` or a dash between them. */
function extendCapitalised(ctx: DocContext, pos: number): number {
  let end = pos;
  const re = /\s+(?:(?:và|-|–)\s+)?\p{Lu}[\p{L}\p{N}]*/uy;
  for (;;) {
    re.lastIndex = end;
    if (!re.exec(ctx.text)) break;
    end = re.lastIndex;
  }
  return end;
}

function findOpen(ctx: DocContext, head: OpenHead, start: number, headEnd: number): Found | null {
  if (!/^\p{Lu}/u.test(ctx.text.slice(start, start + 1))) return null;
  const written = ctx.lower.slice(start, headEnd);
  if (!head.forms.some((f) => f.toLowerCase() === written)) return null;
  let end = headEnd;
  let province: string | null = head.scope === 'national' ? null : ctx.province;
  let level = '';
  if (head.extent === 'untilLevel') {
    if (/^\s*,/u.test(ctx.text.slice(headEnd, headEnd + 3))) return null;
    // a bracketed abbreviation inside the name (`Ban Chỉ đạo kinh tế tập thể (KTTT) tỉnh`) does not end it
    const window = ctx.shadow.slice(headEnd, headEnd + 110).replace(/\([a-z0-9&.\-]{2,12}\)/gu, (m) => ' '.repeat(m.length));
    const stop = window.search(/[.;:()\n]/u);
    const scope = stop < 0 ? window : window.slice(0, stop);
    // the level word as written, with its diacritics (`tinh gọn` is no `tỉnh`)
    let lm: RegExpExecArray | null = null;
    const LEVEL_WORD = /(?<![\p{L}\p{N}])(tinh|thanh pho)(?![\p{L}\p{N}])/gu;
    for (let x = LEVEL_WORD.exec(scope); x; x = LEVEL_WORD.exec(scope)) {
      const written = ctx.lower.slice(headEnd + x.index, headEnd + x.index + x[0].length);
      if (written === 'tỉnh' || written === 'thành phố') {
        lm = x;
        break;
      }
    }
    if (lm) {
      const reading = readLevel(ctx, headEnd + lm.index - 1);
      if (!reading) return null;
      end = reading.end;
      province = reading.province;
      level = levelWordOf(ctx, province, reading.level);
      const body = ctx.text.slice(start, headEnd + lm.index).trim();
      return { type: 'Agency', name: canonicalName(`${body} ${level}`), province, start, end };
    }
    // no level word: `Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã` of the report's province,
    // or the national one when it is a national official's (see nationalSteering); up to a new clause
    if (head.head !== 'Ban Chỉ đạo' || !written.startsWith('ban ')) return null;
    const named = /^(?:\s+(?:[\p{Ll}\p{M}]+|\p{Lu}{2,6}|\([\p{Lu}&]{2,8}\))|,\s+(?:[\p{Ll}\p{M}]+|\p{Lu}{2,6}))+/u.exec(ctx.text.slice(headEnd, headEnd + 110));
    // `Trưởng Ban Chỉ đạo chủ trì …`: the committee named without its name is the report's (see mergeSteeringCommittees)
    if (stopAtStart.test(ctx.lower.slice(headEnd, headEnd + 30)) || /^\s*(?:[.;]|$)/u.test(ctx.text.slice(headEnd, headEnd + 2))) {
      return { type: 'Agency', name: head.head, province, start, end: headEnd, implied: true };
    }
    if (!named || named[0].trim().split(/\s+/u).length < 2) return null;
    // the name ends before a stop word (`… hợp tác xã khẳng định …`, `… chủ trì …`)
    let nameEnd = headEnd + named[0].length;
    const WORD = /\s+|,\s+/gu;
    for (let w = WORD.exec(named[0]); w; w = WORD.exec(named[0])) {
      const at = headEnd + w.index + w[0].length;
      if (at < nameEnd && stopAtStart.test(ctx.lower.slice(at, at + 30))) {
        nameEnd = headEnd + w.index;
        break;
      }
    }
    if (nameEnd - headEnd < 6) return null;
    // the head in its canonical spelling (`Ban chỉ đạo …` → `Ban Chỉ đạo …`)
    return { type: 'Agency', name: canonicalName(`${head.head}${ctx.text.slice(headEnd, nameEnd).replace(/\s*\([^)]*\)/gu, '')}`), province, start, end: nameEnd, implied: true };
  } else if (head.extent === 'capitalised') {
    end = extendCapitalised(ctx, headEnd);
  } else {
    end = extendWords(ctx, headEnd, 9);
  }
  if (end === headEnd) return null;
  // `Phòng Tài chính – Kế hoạch các huyện`: one body in every district, no one in particular
  if (genericAfter.test(ctx.lower.slice(end, end + 60))) return null;
  const reading = readLevel(ctx, end);
  const body = ctx.text.slice(start, end);
  if (reading && reading.explicit) {
    province = reading.province;
    end = reading.end;
  }
  return { type: 'Agency', name: canonicalName(body), province, start, end };
}

function scanAll(re: RegExp, shadow: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(shadow); m; m = re.exec(shadow)) each(m);
}

/** Every organisation mention in the report, sorted by position. */
export function findOrganisations(ctx: DocContext): OrgMention[] {
  const out: Found[] = [];
  const claims = new Claims();
  for (const a of findAlliances(ctx)) claims.take(a, out);
  const heads = findHeads(ctx.shadow);
  heads.national.forEach((m) => {
    const n = national.entryOf(m[0]);
    if (!n) return;
    const end = m.index + m[0].length;
    if (/(?<![\p{L}])pho\s+$/u.test(ctx.shadow.slice(Math.max(0, m.index - 5), m.index))) {
      // `Phó Thủ tướng Chính phủ` is a deputy's title and the body he serves, not the office `Thủ tướng Chính phủ`
      const body = national.forms.map((f) => shadowOf(f)).filter((f) => f.length < m[0].length && m[0].endsWith(` ${f}`)).sort((a, b) => b.length - a.length)[0];
      const inner = body ? national.entryOf(body) : undefined;
      if (body && inner) claims.take(readBranch(ctx, inner.name, end - body.length, end), out);
      return;
    }
    claims.take(readBranch(ctx, n.name, m.index, end), out);
  });
  {
    heads.boards.forEach((m) => {
      const b = boards.entryOf(m[0]);
      if (!b) return;
      const after = m.index + m[0].length;
      const c = committeeAfter.exec(ctx.shadow.slice(after, after + 16));
      if (!c) return;
      const committeeEnd = after + c[0].length;
      // a member of the standing committee, or the standing committee acting, is the party committee's (`Ban Thường vụ Tỉnh ủy` = `Tỉnh ủy`)
      const member = /uy vien\s+$/u.test(ctx.shadow.slice(Math.max(0, m.index - 10), m.index)) || b.name === 'Ban Thường vụ';
      const reading = readLevel(ctx, committeeEnd);
      const province = reading?.explicit ? reading.province : ctx.province;
      const city = province !== null && ctx.isCity(province);
      const committee = committees[0];
      const name = `${b.name} ${city ? committee?.cityName ?? 'Thành ủy' : committee?.name ?? 'Tỉnh ủy'}`;
      const committeeName = city ? committee?.cityName ?? 'Thành ủy' : committee?.name ?? 'Tỉnh ủy';
      if (member) claims.take({ type: 'Agency', name: committeeName, province, start: after + c[0].length - c[0].trimStart().length, end: reading?.explicit ? reading.end : committeeEnd }, out);
      else claims.take({ type: 'Agency', name, province, start: m.index, end: reading?.explicit ? reading.end : committeeEnd }, out);
    });
  }
  committees.forEach((c, i) => {
    const hits = heads.committees[i] ?? { forms: [], cityForms: [] };
    for (const [matches, isCityForm] of [[hits.forms, false], [hits.cityForms, true]] as const) {
      matches.forEach((m) => {
        const end = m.index + m[0].length;
        const reading = readLevel(ctx, end);
        const province = reading?.explicit ? reading.province : ctx.province;
        if (!reading?.explicit && isCityForm && (province === null || !ctx.isCity(province))) return;
        const city = province !== null ? ctx.isCity(province) : isCityForm;
        claims.take({ type: 'Agency', name: city ? c.cityName : c.name, province, start: m.index, end: reading?.explicit ? reading.end : end, ...(reading?.explicit ? {} : { implied: true }) }, out);
      });
    }
  });
  for (const dh of DEPARTMENT_HEADS) {
    scanAll(dh.re, ctx.shadow, (m) => {
      if (LETTER_BEFORE.test(ctx.shadow.slice(Math.max(0, m.index - 2), m.index))) return;
      if (ctx.text[m.index] !== dh.letter || ctx.lower.slice(m.index, m.index + 2) !== dh.head.toLowerCase() || isGeneric(ctx, m.index)) return;
      const after = m.index + m[0].length;
      for (const d of departments) {
        const dm = d.re.exec(ctx.shadow.slice(after, after + 60));
        if (!dm) continue;
        let end = after + dm[0].length;
        const reading = dh.national ? null : readLevel(ctx, end);
        const province = dh.national ? null : reading?.explicit ? reading.province : ctx.province;
        if (reading?.explicit) end = reading.end;
        claims.take({ type: 'Agency', name: `${dh.head} ${d.name}`, province, start: m.index, end }, out);
        return;
      }
    });
  }
  for (const d of listedDepartments(ctx)) claims.take(d, out);
  const pending: { name: string; start: number; end: number }[] = [];
  {
    heads.provincial.forEach((m) => {
      const p = provincial.entryOf(m[0]);
      if (!p || isGeneric(ctx, m.index)) return;
      const end = m.index + m[0].length;
      if (p.levelBuiltIn) {
        claims.take({ type: 'Agency', name: p.name, province: ctx.province, start: m.index, end }, out);
        return;
      }
      const vn = VIET_NAM.exec(ctx.shadow.slice(end, end + 10));
      if (vn) {
        const name = p.name.endsWith('Việt Nam') ? p.name : `${p.name} Việt Nam`;
        claims.take({ type: 'Agency', name, province: null, start: m.index, end: end + vn[0].length }, out);
        return;
      }
      const reading = readLevel(ctx, end) ?? readParentLevel(ctx, end);
      if (!reading?.explicit) {
        const district = readDistricts(ctx, p.name, m.index, end);
        if (district.length > 0) {
          for (const d of district) claims.take(d, out);
          return;
        }
      }
      if (!reading) {
        // a body named without its level is the report's province's, when written as a name (`Quỹ Hỗ trợ …`, not `quỹ hỗ trợ …`)
        if (p.levelOptional && /^\p{Lu}/u.test(ctx.text.charAt(m.index))) claims.take({ type: 'Agency', name: p.name, province: ctx.province, start: m.index, end, implied: true }, out);
        else if (JOIN_AHEAD.test(ctx.shadow.slice(end, end + 6))) pending.push({ name: p.name, start: m.index, end });
        return;
      }
      const level = levelWordOf(ctx, reading.province, reading.level);
      claims.take({ type: 'Agency', name: `${p.name} ${level}`, province: reading.province, start: m.index, end: reading.end }, out);
    });
  }
  shareLevels(ctx, pending, out, claims);
  for (const m of heads.districtCommittees) {
    const c = districtCommittees.entryOf(m[0]);
    const end = m.index + m[0].length;
    const named = c ? DISTRICT_NAME.exec(ctx.text.slice(end, end + 40)) : null;
    if (!c || !named?.[1] || isGeneric(ctx, m.index)) continue;
    const nameEnd = end + named[0].length;
    // `Thành ủy Hà Nội` is a province's committee (read above), `Thị ủy An Khê` a town's
    if (ctx.provinceMentions.some((p) => p.start < nameEnd && p.end > end)) continue;
    claims.take({ type: 'Agency', name: `${c.name} ${named[1]}`, province: ctx.province, start: m.index, end: nameEnd, implied: true }, out);
  }
  for (const c of findCooperatives(ctx)) claims.take(c, out);
  open.forEach((o, i) => {
    for (const m of heads.open[i] ?? []) {
      if (claims.overlaps(m.index, m.index + m[0].length) || isGeneric(ctx, m.index)) continue;
      if (titleAtStart.test(ctx.shadow.slice(m.index, m.index + 30))) continue;
      const found = findOpen(ctx, o, m.index, m.index + m[0].length);
      if (found) claims.take(found, out);
    }
  });
  out.sort((a, b) => a.start - b.start);
  shareListedProvince(ctx, out);
  return addDefinedAbbreviations(ctx, out, claims);
}

/**
 * A body written without its province, listed right before one written with it (`Tỉnh ủy, UBND tỉnh
 * Vĩnh Long`), is that province's.
 */
function shareListedProvince(ctx: DocContext, sorted: Found[]): void {
  for (let i = sorted.length - 2; i >= 0; i--) {
    const o = sorted[i] as Found;
    const next = sorted[i + 1] as Found;
    if (!o.implied || next.implied || next.province === null || o.type !== 'Agency') continue;
    if (!JOIN_AHEAD.test(ctx.shadow.slice(o.end, next.start)) || ctx.shadow.slice(o.end, next.start).length > 6) continue;
    o.province = next.province;
    delete o.implied;
  }
}

/**
 * District and commune bodies: `UBND huyện Cờ Đỏ`, `Hội Nông dân huyện Thoại Sơn`, and the units
 * listed after the first with the same head (`UBND huyện Đăk Song, huyện Krông Nô`). They belong
 * to the report's province.
 */
function readDistricts(ctx: DocContext, head: string, start: number, end: number): Found[] {
  const out: Found[] = [];
  let at = end;
  let from = start;
  for (;;) {
    const d = DISTRICT.exec(ctx.text.slice(at, at + 60));
    if (!d?.[1] || !d[2]) break;
    const unitEnd = at + d[0].length;
    // a province's own name after `thành phố` is the province level, read by readLevel; so is
    // `thành phố` in a city's report (`UBND thành phố Nguyễn Văn A`: the name is a person's)
    if (ctx.provinceMentions.some((p) => p.start < unitEnd && p.end > at)) break;
    if (d[1] === 'thành phố' && ctx.province !== null && ctx.isCity(ctx.province)) break;
    out.push({ type: 'Agency', name: `${head} ${d[1].toLowerCase()} ${d[2]}`, province: ctx.province, start: from, end: unitEnd, implied: true });
    const next = NEXT_DISTRICT.exec(ctx.text.slice(unitEnd, unitEnd + 30));
    if (!next) break;
    from = unitEnd + next[0].length;
    // DISTRICT reads the next unit from the space before its unit word
    at = from - 1;
  }
  return out;
}

/** `lãnh đạo các sở, ngành: Tài chính, Nông nghiệp và Môi trường, Công Thương`: departments named after a list opener. */
const DEPARTMENT_LIST = /(?<![\p{L}])(?:cac\s+)?so(?:\s*,\s*(?:ban\s*,\s*)?nganh)?\s*:\s*/gu;

/** The departments a list names by their names alone, each the report's province's. */
function listedDepartments(ctx: DocContext): Found[] {
  const out: Found[] = [];
  for (const list of allMatches(DEPARTMENT_LIST, ctx.shadow)) {
    let at = list.index + list[0].length;
    for (;;) {
      const window = ctx.shadow.slice(at, at + 60);
      let named: { name: string; length: number } | undefined;
      for (const d of departments) {
        const m = d.re.exec(window);
        if (m) {
          named = { name: d.name, length: m[0].length };
          break;
        }
      }
      if (!named) break;
      const end = at + named.length;
      out.push({ type: 'Agency', name: `Sở ${named.name}`, province: ctx.province, start: at, end, implied: true });
      const join = /^(?:\s*,\s*|\s+va\s+)/u.exec(ctx.shadow.slice(end, end + 6));
      if (!join) break;
      at = end + join[0].length;
    }
  }
  return out;
}

/** `Quỹ Hỗ trợ nông dân thuộc Hội Nông dân tỉnh`: the level of the organisation it belongs to. */
function readParentLevel(ctx: DocContext, end: number): ReturnType<typeof readLevel> {
  const belongs = /^\s+(?:thuoc|truc thuoc)\s+[^,.;:()]{0,40}?(?=\s(?:tinh|thanh pho)(?![a-z]))/u.exec(ctx.shadow.slice(end, end + 60));
  if (!belongs) return null;
  const reading = readLevel(ctx, end + belongs[0].length);
  return reading ? { ...reading, end } : null;
}

/** `Tỉnh ủy, HĐND, UBND tỉnh`: heads listed before one level word share it. */
function shareLevels(ctx: DocContext, pending: { name: string; start: number; end: number }[], out: Found[], claims: Claims): void {
  pending.sort((a, b) => b.start - a.start);
  for (const p of pending) {
    const gap = JOIN_AHEAD.exec(ctx.shadow.slice(p.end, p.end + 6));
    if (!gap) continue;
    const next = out.find((o) => o.type === 'Agency' && o.start === p.end + gap[0].length);
    if (!next) continue;
    const level = /(?:tỉnh|thành phố)$/u.exec(next.name)?.[0] ?? levelWordOf(ctx, next.province, 'tỉnh');
    claims.take({ type: 'Agency', name: `${p.name} ${level}`, province: next.province, start: p.start, end: p.end }, out);
  }
}

/** `Ban Chỉ đạo … tỉnh (BCĐ)`: later uses of `BCĐ` name the same organisation. */
function addDefinedAbbreviations(ctx: DocContext, found: Found[], claims: Claims): Found[] {
  const extra: Found[] = [];
  for (const org of found) {
    const m = /^\s*\(([\p{Lu}][\p{L}&-]{1,11})\)/u.exec(ctx.text.slice(org.end, org.end + 16));
    if (!m?.[1] || !/\p{Lu}.*\p{Lu}/u.test(m[1])) continue;
    const alias = m[1];
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${alias.replace(/[&-]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const use of allMatches(re, ctx.text)) {
      const start = use.index;
      const end = start + alias.length;
      if (start <= org.end + 2 || claims.overlaps(start, end)) continue;
      const mention = { ...org, start, end };
      claims.take(mention, extra);
    }
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}
