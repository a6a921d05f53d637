import { z } from 'zod';
import { evidenceSchema, mapResult, operation, requestGraphql, type ApiResult } from './graphql-client.ts';
import provincesQuery from './queries/provinces.graphql?raw';
import statisticsQuery from './queries/statistics.graphql?raw';

const seriesSchema = z.object({
  metric: z.string(),
  unit: z.string(),
  points: z.array(z.object({
    time: z.string().nullable(),
    value: z.number(),
    qualifier: z.string(),
    province: z.string(),
    evidence: evidenceSchema.nullable(),
  })),
  totals: z.array(z.object({ time: z.string(), value: z.number(), provinces: z.array(z.string()), complete: z.boolean() })),
});
/** One metric's figures over time: every stated point (with its sentence) and, rolled up, the sums per year. */
export type StatisticSeries = z.infer<typeof seriesSchema>;

/** A province's series per metric (the API's `statistics`), rolled up from merged provinces when asked. */
export async function fetchStatistics(province: string, rollUp: boolean): Promise<ApiResult<StatisticSeries[]>> {
  return mapResult(await requestGraphql(operation(statisticsQuery), { province, rollUp }, z.object({ statistics: z.array(seriesSchema) })), (data) => data.statistics);
}

/** Every province's name and the province it merged into, if it did. */
export async function fetchProvinces(): Promise<ApiResult<{ name: string; mergedInto: string | null }[]>> {
  const schema = z.object({ provinces: z.object({ nodes: z.array(z.object({ name: z.string(), mergedInto: z.object({ name: z.string() }).nullable() })) }) });
  return mapResult(await requestGraphql(operation(provincesQuery), {}, schema), (data) =>
    data.provinces.nodes.map((node) => ({ name: node.name, mergedInto: node.mergedInto?.name ?? null })),
  );
}
