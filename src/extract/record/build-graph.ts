import type { Span } from './schema.ts';
import type { DocContext, OrgMention } from '../recognisers/context.ts';
import type { OfficialMention } from '../recognisers/officials.ts';
import type { MeetingFound } from '../recognisers/meetings.ts';
import type { AwardFound } from '../recognisers/awards.ts';
import type { CooperationFound } from '../recognisers/cooperation.ts';
import type { Participation } from '../recognisers/roles.ts';
import { keepStrongest } from '../recognisers/roles.ts';
import { EntityTable } from './entity-table.ts';

/**
 * Turns what the recognisers found in one report into entities and relations: the
 * report's province and those its organisations belong to, organisations, officials
 * and their positions, the meeting with its organisers and participants, awards, and
 * cooperation. Entities appear in that order.
 */

export type Findings = {
  /** The provinces the report names as places (see namedPlaces). */
  places: string[];
  orgs: OrgMention[];
  officials: OfficialMention[];
  meeting: MeetingFound | null;
  roles: { officials: Map<string, Participation>; orgs: Map<OrgMention, Participation> };
  awards: AwardFound[];
  cooperation: CooperationFound[];
};

/** The entities and relations of a report (see the file comment). */
export function buildGraph(ctx: DocContext, sentences: Span[], found: Findings): EntityTable {
  const graph = new GraphBuilder(ctx, sentences);
  graph.addProvince(ctx.province);
  for (const o of found.orgs) graph.orgId(o);
  for (const p of found.places) graph.addProvince(p);
  graph.addOfficials(found.officials);
  const meetingId = found.meeting ? graph.addMeeting(found.meeting, found.roles) : undefined;
  graph.addAwards(found.awards, found.meeting, meetingId);
  for (const c of found.cooperation) graph.table.relate('COOPERATES_WITH', graph.orgId(c.a, false), graph.orgId(c.b, false), c.evidence);
  return graph.table;
}

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

class GraphBuilder {
  readonly table = new EntityTable();
  private readonly provinceIds = new Set<string>();
  private readonly officialIds = new Map<string, string>();

  constructor(
    private readonly ctx: DocContext,
    private readonly sentences: Span[],
  ) {}

  private spanOf(start: number, end: number): Span {
    return { start, end, text: this.ctx.text.slice(start, end) };
  }

  /** Adds a province once, with every place the text names it. */
  addProvince(p: string | null): void {
    if (p === null || this.provinceIds.has(p)) return;
    this.provinceIds.add(p);
    const id = this.table.add('Province', p, undefined);
    for (const m of this.ctx.provinceMentions) if (m.province === p) this.table.mention(id, this.spanOf(m.start, m.end));
  }

  /** The id of an organisation (and of its province), with this mention unless told otherwise. */
  orgId(o: OrgMention, withMention = true): string {
    this.addProvince(o.province);
    return this.table.add(o.type, o.name, o.province, withMention ? this.spanOf(o.start, o.end) : undefined);
  }

  addOfficials(officials: OfficialMention[]): void {
    const { ctx, table } = this;
    for (const p of officials) {
      let id = this.officialIds.get(p.name);
      if (!id) {
        const national = p.positions.length > 0 && p.positions.every((pos) => pos.org !== null && pos.org.province === null && ctx.province !== null);
        id = table.add('Official', p.name, national ? null : ctx.province, undefined, national ? { attributes: { scope: 'national' } } : undefined);
        this.officialIds.set(p.name, id);
      }
      table.mention(id, this.spanOf(p.nameStart, p.nameEnd));
      for (const pos of p.positions) {
        if (!pos.org || (pos.org.type !== 'Agency' && pos.org.type !== 'Alliance')) continue;
        table.relate('HOLDS_POSITION', id, this.orgId(pos.org, false), sentenceAt(this.sentences, p.start), { title: pos.title });
      }
    }
  }

  /** The meeting, its organisers and its participants (strongest role per organisation); returns its id. */
  addMeeting(meeting: MeetingFound, roles: Findings['roles']): string {
    const { ctx, table } = this;
    this.addProvince(meeting.province);
    const meetingId = table.add('Meeting', meeting.name, meeting.province, this.spanOf(meeting.sentence.start, meeting.sentence.end), {
      ...(meeting.date ? { date: meeting.date } : {}),
      ...(typeof meeting.attributes.kind === 'string' ? { kind: meeting.attributes.kind } : {}),
      attributes: meeting.attributes,
    });
    // an organiser's presence is its organising: no ATTENDED of its own unless the text gives it a part
    for (const o of meeting.organisers) table.relate('ORGANIZED', this.orgId(o, false), meetingId, meeting.sentence);
    const seenOrg = new Map<string, Participation>();
    for (const [o, part] of roles.orgs) keepStrongest(seenOrg, this.orgId(o, false), part);
    for (const [id, part] of seenOrg) table.relate('ATTENDED', id, meetingId, part.evidence, { role: part.role });
    for (const [name, part] of roles.officials) {
      const id = this.officialIds.get(name);
      if (id) table.relate('ATTENDED', id, meetingId, part.evidence, { role: part.role });
    }
    return meetingId;
  }

  addAwards(awards: AwardFound[], meeting: MeetingFound | null, meetingId: string | undefined): void {
    const { ctx, table, sentences } = this;
    for (const a of awards) {
      const first = a.mentions[0] as Span;
      const attributes: Record<string, unknown> = { ...a.counts, ...a.attributes };
      // one name per kind and authority, in the kind's canonical spelling; the words as written stay in the attributes
      if (a.name.toLowerCase() !== a.kind.toLowerCase()) attributes.written ??= a.name;
      const id = table.add('Award', `${a.kind}${a.authority ? ` của ${a.authority.name}` : ''}`, meeting ? meeting.province : ctx.province, undefined, {
        kind: a.kind,
        ...(meeting?.date ? { date: meeting.date } : a.decidedOn ? { date: a.decidedOn } : {}),
        ...(Object.keys(attributes).length ? { attributes } : {}),
      });
      for (const m of a.mentions) table.mention(id, m);
      if (a.authority) table.relate('AWARDED_BY', id, this.orgId(a.authority, false), a.authorityEvidence ?? sentenceAt(sentences, first.start));
      if (meetingId) table.relate('PRESENTED_AT', id, meetingId, sentenceAt(sentences, first.start));
      for (const r of a.recipients) {
        const rid = r.org ? this.orgId(r.org, false) : r.official ? this.officialIds.get(r.official.name) : undefined;
        if (rid) table.relate('RECEIVED', rid, id, r.evidence);
      }
    }
  }
}
