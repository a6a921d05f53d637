import type { NodeType } from '../../graph/read-rows.ts';
import type { RelationRequest } from '../../graph/read-relations.ts';
import { parseArgs, rangeArgsSchema } from '../args.ts';

/**
 * Every relationship field of the entity types, as data: which relationship it reads, which
 * way, with which options from its arguments, and which field of its edge objects holds the
 * other end. The field resolvers read through this table, and so does the prefetch of `node(id)`,
 * which asks for the same requests before the resolvers run: one table, so both always agree.
 */

export type RelatedOptions = {
  types?: NodeType[];
  from?: string | null;
  to?: string | null;
  order?: 'date' | 'name';
  first?: number | null;
};

export type RelationField = {
  type: string;
  direction: RelationRequest['direction'];
  /** The request's options from the field's arguments (may throw a `BAD_USER_INPUT` error). */
  options?: (args: Record<string, unknown>) => RelatedOptions;
  /** The field of the returned edge objects holding the other end (`attendee` of `Attendance`); none when the field returns nodes. */
  end?: string;
};

const field = (type: string, direction: RelationField['direction'], rest: Omit<RelationField, 'type' | 'direction'> = {}): RelationField => ({
  type,
  direction,
  ...rest,
});
const fixed = (options: RelatedOptions) => () => options;
const byDate = fixed({ order: 'date' });
const firstOf = (args: Record<string, unknown>, fallback: number) => (typeof args.first === 'number' ? args.first : fallback);

function locatedHere(type: 'Alliance' | 'Agency' | 'Official' | 'Cooperative' | 'Meeting' | 'Award'): RelationField {
  const dated = type === 'Meeting' || type === 'Award';
  return field('LOCATED_IN', 'in', {
    options: (args) => ({ types: [type], order: dated ? 'date' : 'name', ...parseArgs(rangeArgsSchema, args) }),
  });
}

const common = {
  reports: field('MENTIONS', 'in', { options: (args) => ({ types: ['Report'], order: 'date', first: firstOf(args, 20) }) }),
};

const located = {
  ...common,
  province: field('LOCATED_IN', 'out', { options: fixed({ types: ['Province'] }) }),
};

const organisation = {
  ...located,
  officials: field('HOLDS_POSITION', 'in', { end: 'official' }),
  partners: field('COOPERATES_WITH', 'both', { end: 'partner' }),
  organised: field('ORGANIZED', 'out', { options: byDate, end: 'meeting' }),
  meetings: field('ATTENDED', 'out', { options: byDate, end: 'meeting' }),
  awardsIssued: field('AWARDED_BY', 'in', { options: byDate, end: 'award' }),
  awardsReceived: field('RECEIVED', 'out', { options: byDate, end: 'award' }),
};

/** The relationship fields per type. */
export const RELATION_FIELDS = {
  Province: {
    ...common,
    alliances: locatedHere('Alliance'),
    agencies: locatedHere('Agency'),
    officials: locatedHere('Official'),
    cooperatives: locatedHere('Cooperative'),
    meetings: locatedHere('Meeting'),
    awards: locatedHere('Award'),
    statistics: field('ABOUT', 'in', { options: fixed({ types: ['Statistic'], order: 'date' }) }),
    mergedInto: field('MERGED_INTO', 'out'),
    mergedFrom: field('MERGED_INTO', 'in'),
  },
  Alliance: organisation,
  Agency: organisation,
  Official: {
    ...located,
    positions: field('HOLDS_POSITION', 'out', { end: 'organisation' }),
    meetings: field('ATTENDED', 'out', { options: byDate, end: 'meeting' }),
    awardsReceived: field('RECEIVED', 'out', { options: byDate, end: 'award' }),
  },
  Meeting: {
    ...located,
    organisers: field('ORGANIZED', 'in', { end: 'organiser' }),
    attendees: field('ATTENDED', 'in', { end: 'attendee' }),
    awards: field('PRESENTED_AT', 'in', { end: 'award' }),
  },
  Award: {
    ...located,
    issuers: field('AWARDED_BY', 'out', { end: 'issuer' }),
    issuer: field('AWARDED_BY', 'out'),
    presentations: field('PRESENTED_AT', 'out', { end: 'meeting' }),
    meeting: field('PRESENTED_AT', 'out'),
    recipients: field('RECEIVED', 'in', { end: 'recipient' }),
  },
  Cooperative: {
    ...located,
    awardsReceived: field('RECEIVED', 'out', { options: byDate, end: 'award' }),
  },
  Report: {
    province: field('ABOUT', 'out', { options: fixed({ types: ['Province'] }) }),
    entities: field('MENTIONS', 'out', {
      options: (args) => ({ types: (args.types as NodeType[] | null | undefined) ?? undefined, first: firstOf(args, 100) }),
    }),
    statistics: field('STATES', 'out', { options: fixed({ types: ['Statistic'] }) }),
  },
  Statistic: {
    reports: field('STATES', 'in', { options: fixed({ types: ['Report'] }) }),
    province: field('ABOUT', 'out', { options: fixed({ types: ['Province'] }) }),
  },
} satisfies Record<NodeType, Record<string, RelationField>>;

/** The relationship field `name` of `type`, if it is one. */
export function relationField(type: string, name: string): RelationField | undefined {
  const fields = (RELATION_FIELDS as Record<string, Record<string, RelationField>>)[type];
  return fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
}
