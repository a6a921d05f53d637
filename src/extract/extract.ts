import { hash } from 'node:crypto';
import type { ExtractionRecord, ReportInput, Span, Statistic } from './record/schema.ts';
import type { DocContext, OrgMention, ProvinceMention } from './recognisers/context.ts';
import { normaliseText } from './text/normalise.ts';
import type { NormalisedText } from './text/normalise.ts';
import { splitSentences } from './text/sentences.ts';
import { readMetadata } from './recognisers/metadata.ts';
import type { Metadata } from './recognisers/metadata.ts';
import { voteProvince } from './places/province-vote.ts';
import { canonicalToneMarks, findProvinceMentions, listProvinces } from './places/provinces.ts';
import { fold, shadowOf } from './text/fold.ts';
import { findOrganisations } from './recognisers/organisations.ts';
import { allianceName } from './recognisers/alliances.ts';
import { findOfficials } from './recognisers/officials.ts';
import type { OfficialMention } from './recognisers/officials.ts';
import { findMeeting } from './recognisers/meetings.ts';
import { readUrlDate } from './text/datelines.ts';
import type { PageDate } from './text/datelines.ts';
import { findAwards } from './recognisers/awards.ts';
import { findCooperation } from './recognisers/cooperation.ts';
import { findRoles } from './recognisers/roles.ts';
import { findStatistics } from './recognisers/statistics.ts';
import { buildGraph } from './record/build-graph.ts';
import type { Findings } from './record/build-graph.ts';

/**
 * The extractor: one report in, one extraction record out (FORMAT.md). Pure — no
 * I/O — so the same input always gives the same record.
 */

const cities = new Set(listProvinces('all').filter((p) => p.type === 'thành phố').map((p) => p.name));

const isCity = (province: string): boolean => cities.has(province);

/** Turns one report into its extraction record. */
export function extractReport(input: ReportInput): ExtractionRecord {
  const { norm, meta, sentences, titleEnd, ctx, warnings } = readReport(input);
  const found = findAll(ctx, norm, meta, sentences, titleEnd, input.url);
  if (found.meeting) warnings.push(...found.meeting.warnings);
  else warnings.push('no meeting found in the report');
  const table = buildGraph(ctx, sentences, found);
  return {
    document: {
      id: hash('sha256', ctx.text, 'hex'),
      file: input.file,
      title: meta.title,
      ...(meta.titleDerived ? { titleDerived: true } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.source ? { source: meta.source } : {}),
      ...(meta.author ? { author: meta.author } : {}),
      ...(input.url ? { url: input.url } : {}),
      text: ctx.text,
    },
    province: ctx.province,
    entities: table.entities,
    relations: table.relations,
    statistics: found.statistics,
    warnings,
  };
}

/** The normalised report: its text, sentences, metadata, where the title ends, and its province. */
function readReport(input: ReportInput): { norm: NormalisedText; meta: Metadata; sentences: Span[]; titleEnd: number; ctx: DocContext; warnings: string[] } {
  const norm = normaliseText(input.text, canonicalToneMarks);
  const text = norm.text;
  const shadow = shadowOf(text);
  const sentences = splitSentences(text, norm.lines);
  const meta = readMetadata(norm, input);
  const firstLine = norm.lines[0] ? text.slice(norm.lines[0].start, norm.lines[0].end) : '';
  const givenTitleInText = input.title !== undefined && shadowOf(firstLine.trim()) === shadowOf(input.title.trim().normalize('NFC'));
  // where the body starts: after the headline line (the given title, when the text repeats it)
  const headline = givenTitleInText ? 0 : input.title ? undefined : meta.headline;
  const titleEnd = headline !== undefined ? (norm.lines[headline]?.end ?? 0) : 0;
  // a loop, not Array#map: optimised code makes `map` results holey arrays, and the recognisers
  // that read this list would be recompiled for them once readReport is optimised
  const provinceMentions: ProvinceMention[] = [];
  for (const m of findProvinceMentions(text, { canonical: true })) provinceMentions.push({ province: m.province, start: m.start, end: m.end, prefixed: m.prefixed });
  const vote = voteProvince({ ...(input.url ? { url: input.url } : {}), ...(meta.source ? { source: meta.source } : {}), shadow, titleEnd, mentions: provinceMentions });
  const warnings: string[] = [];
  if (vote.warning) warnings.push(vote.warning);
  if (vote.province === null) warnings.push('the report never names its province: province left null');
  const lower = text.toLowerCase();
  const ctx: DocContext = { text, shadow, lower: lower.length === text.length ? lower : shadow, province: vote.province, provinceMentions, isCity };
  return { norm, meta, sentences, titleEnd, ctx, warnings };
}

/** Everything the recognisers find in the report. */
function findAll(ctx: DocContext, norm: NormalisedText, meta: Metadata, sentences: Span[], titleEnd: number, url: string | undefined): Findings & { statistics: Statistic[] } {
  const authorLine = meta.bylineLine !== undefined ? norm.lines[meta.bylineLine] : undefined;
  // the byline names the writer and the office they write for, not a party to the report
  const found = findOrganisations(ctx).filter((o) => !authorLine || o.end <= authorLine.start || o.start >= authorLine.end);
  const orgs = mergeShortCooperativeNames(mergeSteeringCommittees(found));
  const officials = findOfficials(ctx, orgs, authorLine ? [authorLine] : []);
  nationalSteering(officials, orgs);
  delegationOffices(ctx, officials);
  // an organisation named inside an official's titles (`Ủy viên Ban Chấp hành Trung ương Đảng`) is where they serve, not a party to the event
  const titleOrgStarts = new Set(officials.flatMap((p) => p.positions.flatMap((pos) => (pos.org ? [pos.org.start] : []))));
  const titled = officials.filter((p) => p.positions.length > 0);
  const inTitles = (o: OrgMention): boolean => titleOrgStarts.has(o.start) || titled.some((p) => o.start >= p.start && o.end <= p.end);
  const published = pageDateOf(meta.publishedAt) ?? norm.pageDate ?? (url ? readUrlDate(url) : null);
  const meeting = findMeeting(ctx, sentences, orgs, { bodyStart: titleEnd, ...(published ? { published } : {}), ...(url ? { url } : {}) }, inTitles);
  const awards = findAwards(ctx, sentences, orgs, officials);
  const cooperation = findCooperation(ctx, sentences, orgs, inTitles);
  const roles = findRoles(ctx, sentences, officials, orgs, inTitles);
  const referenceYear = meeting?.date ? Number(meeting.date.slice(0, 4)) : published?.year;
  const statistics = findStatistics(ctx, sentences.filter((s) => s.start >= titleEnd), referenceYear);
  return { places: namedPlaces(ctx, orgs, authorLine), orgs, officials, meeting, awards, cooperation, roles, statistics };
}

/**
 * Every province the report names as a place — where it happens, a trip's destination, a
 * merged-from name — but not one inside a cooperative's name (`HTX Thủy sản Hòa Bình`) or the
 * byline (a journalist named `Khánh Hòa`).
 */
function namedPlaces(ctx: DocContext, orgs: OrgMention[], byline: { start: number; end: number } | undefined): string[] {
  const inside = (m: ProvinceMention, o: { start: number; end: number }): boolean => m.start >= o.start && m.end <= o.end;
  const places = new Set<string>();
  for (const m of ctx.provinceMentions) {
    if (byline && inside(m, byline)) continue;
    if (orgs.some((o) => o.type === 'Cooperative' && inside(m, o))) continue;
    places.add(m.province);
  }
  return [...places];
}

/**
 * A steering committee named without a level (`Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp
 * tác xã`) among the offices of an official whose other offices are national (the national alliance,
 * the government) is the national committee, not the report's province's.
 */
function nationalSteering(officials: OfficialMention[], orgs: OrgMention[]): void {
  for (const p of officials) {
    const national = p.positions.some((pos) => pos.org !== null && pos.org.province === null && !pos.org.implied);
    if (!national) continue;
    for (const pos of p.positions) {
      const org = pos.org;
      if (!org?.implied || !org.name.startsWith('Ban Chỉ đạo')) continue;
      for (const o of [org, ...orgs.filter((x) => x.start === org.start)]) {
        o.province = null;
        delete o.implied;
      }
    }
  }
}

/** A delegation named with its province (`đoàn công tác tỉnh Quảng Ngãi`, `đoàn học tập kinh nghiệm An Giang`). */
const DELEGATION = /(?<![\p{L}])doan(?:\s+(?:cong tac|hoc tap kinh nghiem|dai bieu|lanh dao))?(?:\s+(?:cua|tu))?(?:\s+(?:tinh|thanh pho))?\s+$/u;

/**
 * `… đoàn công tác tỉnh Quảng Ngãi do ông X, Phó Chủ tịch Liên minh HTX tỉnh làm trưởng đoàn`: the
 * bare `tỉnh` of an office held by the leader of a delegation is the delegation's province, not the
 * report's.
 */
function delegationOffices(ctx: DocContext, officials: OfficialMention[]): void {
  for (const p of officials) {
    if (!p.positions.some((pos) => pos.org?.implied)) continue;
    const clauseFrom = Math.max(ctx.text.lastIndexOf(';', p.start), ctx.text.lastIndexOf('.', p.start), ctx.text.lastIndexOf('\n', p.start), p.start - 120);
    const led = [...ctx.provinceMentions].reverse().find((m) => m.start >= clauseFrom && m.end <= p.start && DELEGATION.test(ctx.shadow.slice(Math.max(clauseFrom, m.start - 50), m.start)));
    if (!led || led.province === ctx.province || !/^\s+do\s+(?:(?:ong|ba|dong chi|d\/c)\s+)?$/u.test(ctx.shadow.slice(led.end, p.start))) continue;
    p.positions = p.positions.map((pos) => {
      const org = pos.org;
      if (!org?.implied) return pos;
      const name = org.type === 'Alliance' ? allianceName(ctx, led.province) : org.name;
      return { ...pos, org: { ...org, name, province: led.province, implied: false } };
    });
  }
}

/** An ISO day as a page date. */
function pageDateOf(iso: string | undefined): PageDate | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/**
 * A cooperative named again with the end of its name cut (`HTX Công nghệ cao Long Thành Phát`, later
 * `HTX công nghệ cao Long Thành`) is the same cooperative: the shorter form takes the longer name.
 */
function mergeShortCooperativeNames(orgs: OrgMention[]): OrgMention[] {
  const cooperatives = orgs.filter((o) => o.type === 'Cooperative');
  if (cooperatives.length < 2) return orgs;
  const keyed = cooperatives.map((o) => ({ o, key: fold(o.name) }));
  return orgs.map((o) => {
    if (o.type !== 'Cooperative') return o;
    const key = fold(o.name);
    const longer = keyed.find((k) => k.key.startsWith(`${key} `) && k.o.province === o.province);
    return longer ? { ...o, name: longer.o.name } : o;
  });
}

/**
 * A report names its steering committee in a short and a long form (`Ban Chỉ đạo phát
 * triển KTTT tỉnh` in the headline, `Ban Chỉ đạo đổi mới, phát triển KTTT, HTX tỉnh` in
 * the body): one province has one such committee, so the forms become the longest name.
 */
function mergeSteeringCommittees(orgs: OrgMention[]): OrgMention[] {
  const longest = new Map<string, string>();
  const isProvincial = (o: OrgMention): boolean => o.type === 'Agency' && o.name.startsWith('Ban Chỉ đạo') && !o.name.includes('Trung ương') && o.province !== null;
  for (const o of orgs) {
    if (!isProvincial(o)) continue;
    const key = o.province ?? '?';
    const had = longest.get(key);
    if (!had || o.name.length > had.length) longest.set(key, o.name);
  }
  if (longest.size === 0) return orgs;
  return orgs.map((o) => (isProvincial(o) ? { ...o, name: longest.get(o.province ?? '?') ?? o.name } : o));
}
