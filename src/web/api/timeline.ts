import { z } from 'zod';
import { entityRefSchema, evidenceSchema, mapResult, operation, requestGraphql, type ApiResult, type EntityRef, type Evidence } from './graphql-client.ts';
import timelineQuery from './queries/timeline.graphql?raw';

/** A dated meeting or award in an entity's timeline, with how the entity took part and the sentences saying so. */
export type TimelineEntry = { date: string; kind: 'MEETING' | 'AWARD'; relation: string; role: string | null; event: EntityRef; evidence: Evidence[] };

const schema = z.object({
  timeline: z.array(z.object({
    date: z.string(),
    kind: z.enum(['MEETING', 'AWARD']),
    relation: z.string(),
    role: z.string().nullable(),
    event: entityRefSchema,
    evidence: z.array(evidenceSchema),
  })),
});

/** An entity's timeline, oldest first (the API's `timeline`). */
export async function fetchTimeline(id: string): Promise<ApiResult<TimelineEntry[]>> {
  return mapResult(await requestGraphql(operation(timelineQuery), { id }, schema), (data) => data.timeline);
}
