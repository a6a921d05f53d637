import { createHash } from 'node:crypto';
import type { ExtractionRecord, ReportInput, Span } from './record.ts';
import type { DocContext, OrgMention } from './context.ts';
import { normaliseText } from './normalise.ts';
import { splitSentences } from './sentences.ts';
import { readMetadata } from './metadata.ts';
import { voteProvince } from './report-province.ts';
import { canonicalToneMarks, findProvinceMentions, listProvinces } from './provinces.ts';
import { shadowOf } from './shadow.ts';
import { findOrganisations } from './organisations.ts';
import { findOfficials } from './officials.ts';
import { findMeeting } from './meetings.ts';
import { findAwards } from './awards.ts';
import { findCooperation } from './cooperation.ts';
import { findRoles, keepStrongest } from './roles.ts';
import { findStatistics } from './statistics.ts';
import { EntityTable } from './entity-table.ts';

/**
 * The extractor: one report in, one extraction record out (FORMAT.md). Pure — no
 * I/O — so the same input always gives the same record.
 */

const cities = new Set(listProvinces('all').filter((p) => p.type === 'thành phố').map((p) => p.name));

/** The sentence that contains `pos` (or the nearest one before it). */
function sentenceAt(sentences: Span[], pos: number): Span {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Span).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: 0, text: '' };
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Turns one report into its extraction record. */
export function extractReport(input: ReportInput): ExtractionRecord {
  const norm = normaliseText(input.text, canonicalToneMarks);
  const text = norm.text;
  const shadow = shadowOf(text);
  const sentences = splitSentences(text, norm.lines);
  const meta = readMetadata(norm, input);
  const firstLine = norm.lines[0] ? text.slice(norm.lines[0].start, norm.lines[0].end) : '';
  const titleInText = !input.title || shadowOf(firstLine.trim()) === shadowOf(input.title.trim().normalize('NFC'));
  const titleEnd = titleInText ? (norm.lines[0]?.end ?? 0) : 0;
  const provinceMentions = findProvinceMentions(text, { canonical: true }).map((m) => ({ province: m.province, start: m.start, end: m.end, prefixed: m.prefixed }));
  const vote = voteProvince({ ...(input.url ? { url: input.url } : {}), ...(meta.source ? { source: meta.source } : {}), shadow, titleEnd, mentions: provinceMentions });
  const warnings: string[] = [];
  if (vote.warning) warnings.push(vote.warning);
  if (vote.province === null) warnings.push('the report never names its province: province left null');
  const lower = text.toLowerCase();
  const ctx: DocContext = { text, shadow, lower: lower.length === text.length ? lower : shadow, province: vote.province, provinceMentions, isCity: (p) => cities.has(p) };

  const orgs = mergeSteeringCommittees(findOrganisations(ctx));
  const authorLine = meta.bylineLine !== undefined ? norm.lines[meta.bylineLine] : undefined;
  const officials = findOfficials(ctx, orgs, authorLine ? [authorLine] : []);
  const titleOrgStarts = new Set(officials.flatMap((p) => p.positions.flatMap((pos) => (pos.org ? [pos.org.start] : []))));
  const inTitles = (o: OrgMention): boolean => titleOrgStarts.has(o.start);
  const meeting = findMeeting(ctx, sentences, orgs, { titleEnd, ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}), ...(input.url ? { url: input.url } : {}) });
  if (meeting) warnings.push(...meeting.warnings);
  else warnings.push('no meeting found in the report');
  const awards = findAwards(ctx, sentences, orgs, officials);
  const cooperation = findCooperation(ctx, sentences, orgs, inTitles);
  const roles = findRoles(ctx, sentences, officials, orgs, inTitles);
  const statistics = findStatistics(ctx, sentences.filter((s) => s.start >= titleEnd));

  const table = new EntityTable();
  const provinceIds = new Set<string>();
  const addProvince = (p: string | null): void => {
    if (p === null || provinceIds.has(p)) return;
    provinceIds.add(p);
    const id = table.add('Province', p, undefined);
    for (const m of provinceMentions) if (m.province === p) table.mention(id, spanOf(text, m.start, m.end));
  };
  addProvince(vote.province);
  const orgId = (o: OrgMention, withMention = true): string => {
    addProvince(o.province);
    return table.add(o.type, o.name, o.province, withMention ? spanOf(text, o.start, o.end) : undefined);
  };
  for (const o of orgs) orgId(o);

  const officialIds = new Map<string, string>();
  for (const p of officials) {
    let id = officialIds.get(p.name);
    if (!id) {
      const national = p.positions.length > 0 && p.positions.every((pos) => pos.org !== null && pos.org.province === null && ctx.province !== null);
      id = table.add('Official', p.name, national ? null : ctx.province, undefined, national ? { attributes: { scope: 'national' } } : undefined);
      officialIds.set(p.name, id);
    }
    table.mention(id, spanOf(text, p.nameStart, p.nameEnd));
    for (const pos of p.positions) {
      if (!pos.org || (pos.org.type !== 'Agency' && pos.org.type !== 'Alliance')) continue;
      table.relate('HOLDS_POSITION', id, orgId(pos.org, false), sentenceAt(sentences, p.start), { title: pos.title });
    }
  }

  let meetingId: string | undefined;
  if (meeting) {
    const nounSpan = spanOf(text, meeting.sentence.start, meeting.sentence.end);
    meetingId = table.add('Meeting', meeting.name, ctx.province, nounSpan, {
      ...(meeting.date ? { date: meeting.date } : {}),
      ...(typeof meeting.attributes.kind === 'string' ? { kind: meeting.attributes.kind } : {}),
      attributes: meeting.attributes,
    });
    for (const o of meeting.organisers) {
      const id = orgId(o, false);
      table.relate('ORGANIZED', id, meetingId, meeting.sentence);
      keepStrongest(roles.orgs, o, roles.orgs.get(o) ?? { role: 'attended', evidence: meeting.sentence });
    }
    const seenOrg = new Map<string, { role: string; evidence: Span }>();
    for (const [o, part] of roles.orgs) {
      const id = orgId(o, false);
      const had = seenOrg.get(id);
      if (!had || rank(part.role) > rank(had.role)) seenOrg.set(id, part);
    }
    for (const [id, part] of seenOrg) table.relate('ATTENDED', id, meetingId, part.evidence, { role: part.role });
    for (const [name, part] of roles.officials) {
      const id = officialIds.get(name);
      if (id) table.relate('ATTENDED', id, meetingId, part.evidence, { role: part.role });
    }
  }

  for (const a of awards) {
    const first = a.mentions[0] as Span;
    const attributes: Record<string, unknown> = { ...a.counts, ...a.attributes };
    const id = table.add('Award', a.kind === a.name ? `${a.kind}${a.authority ? ` của ${a.authority.name}` : ''}` : a.name, ctx.province, undefined, {
      kind: a.kind,
      ...(meeting?.date ? { date: meeting.date } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
    });
    for (const m of a.mentions) table.mention(id, m);
    if (a.authority) table.relate('AWARDED_BY', id, orgId(a.authority, false), a.authorityEvidence ?? sentenceAt(sentences, first.start));
    if (meetingId) table.relate('PRESENTED_AT', id, meetingId, sentenceAt(sentences, first.start));
    for (const r of a.recipients) {
      const rid = r.org ? orgId(r.org, false) : r.official ? officialIds.get(r.official.name) : undefined;
      if (rid) table.relate('RECEIVED', rid, id, r.evidence);
    }
  }

  for (const c of cooperation) table.relate('COOPERATES_WITH', orgId(c.a, false), orgId(c.b, false), c.evidence);

  return {
    document: {
      id: createHash('sha256').update(text).digest('hex'),
      file: input.file,
      title: meta.title,
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.source ? { source: meta.source } : {}),
      ...(meta.author ? { author: meta.author } : {}),
      ...(input.url ? { url: input.url } : {}),
      text,
    },
    province: vote.province,
    entities: table.entities,
    relations: table.relations,
    statistics,
    warnings,
  };
}

/**
 * A report names its steering committee in a short and a long form (`Ban Chỉ đạo phát
 * triển KTTT tỉnh` in the headline, `Ban Chỉ đạo đổi mới, phát triển KTTT, HTX tỉnh` in
 * the body): one province has one such committee, so the forms become the longest name.
 */
function mergeSteeringCommittees(orgs: OrgMention[]): OrgMention[] {
  const longest = new Map<string, string>();
  const isProvincial = (o: OrgMention): boolean => o.type === 'Agency' && o.name.startsWith('Ban Chỉ đạo ') && !o.name.includes('Trung ương');
  for (const o of orgs) {
    if (!isProvincial(o)) continue;
    const key = o.province ?? '?';
    const had = longest.get(key);
    if (!had || o.name.length > had.length) longest.set(key, o.name);
  }
  if (longest.size === 0) return orgs;
  return orgs.map((o) => (isProvincial(o) ? { ...o, name: longest.get(o.province ?? '?') ?? o.name } : o));
}

function rank(role: string): number {
  return ['attended', 'spoke', 'directed', 'chaired'].indexOf(role);
}
