import { z } from 'zod';
import { entityRefSchema, mapResult, operation, requestGraphql, type ApiResult, type EntityRef } from './graphql-client.ts';
import overviewQuery from './queries/overview.graphql?raw';

/** The first view: what the graph holds, its most connected actors and its latest meetings. */
export type Overview = {
  counts: { type: string; count: number }[];
  firstEventDate: string | null;
  lastEventDate: string | null;
  firstReportDate: string | null;
  lastReportDate: string | null;
  mostConnected: { entity: EntityRef; degree: number }[];
  latestMeetings: EntityRef[];
};

const schema = z.object({
  overview: z.object({
    counts: z.array(z.object({ type: z.string(), count: z.number() })),
    firstEventDate: z.string().nullable(),
    lastEventDate: z.string().nullable(),
    firstReportDate: z.string().nullable(),
    lastReportDate: z.string().nullable(),
    mostConnected: z.array(z.object({ degree: z.number(), entity: entityRefSchema })),
  }),
  meetings: z.object({ nodes: z.array(entityRefSchema) }),
});

/** Reads the first view in one request. */
export async function fetchOverview(): Promise<ApiResult<Overview>> {
  return mapResult(await requestGraphql(operation(overviewQuery), {}, schema), (data) => ({ ...data.overview, latestMeetings: data.meetings.nodes }));
}
