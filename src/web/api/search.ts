import { z } from 'zod';
import { mapResult, operation, requestGraphql, type ApiResult } from './graphql-client.ts';
import searchQuery from './queries/search.graphql?raw';

/** One search hit, with what tells it apart from others of the same name. */
export type SearchHit = {
  id: string;
  name: string;
  type: string;
  province: string | null;
  date: string | null;
  kind: string | null;
  /** An official's first position: title and organisation. */
  position: { title: string | null; organisation: string } | null;
  mergedInto: string | null;
  /** The latest report that names it. */
  report: { title: string; publishedAt: string | null } | null;
  source: string | null;
};

const hitSchema = z.object({
  node: z.object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    reports: z.array(z.object({ title: z.string(), publishedAt: z.string().nullable() })).default([]),
    province: z.object({ name: z.string() }).nullish(),
    positions: z.array(z.object({ title: z.string().nullable(), organisation: z.object({ name: z.string() }) })).nullish(),
    date: z.string().nullish(),
    kind: z.string().nullish(),
    mergedInto: z.object({ name: z.string() }).nullish(),
    publishedAt: z.string().nullish(),
    source: z.string().nullish(),
  }),
});

/** Finds entities by name, accent-insensitively (the API's `search`); `signal` drops a request overtaken by more typing. */
export async function searchEntities(text: string, signal?: AbortSignal, first = 12): Promise<ApiResult<SearchHit[]>> {
  const result = await requestGraphql(operation(searchQuery), { text, first }, z.object({ search: z.array(hitSchema) }), signal);
  return mapResult(result, (data) =>
    data.search.map(({ node }) => {
      const position = node.positions?.[0];
      const report = node.reports[0];
      return {
        id: node.id,
        name: node.name,
        type: node.type,
        province: node.province?.name ?? null,
        date: node.date ?? node.publishedAt ?? null,
        kind: node.kind ?? null,
        position: position ? { title: position.title, organisation: position.organisation.name } : null,
        mergedInto: node.mergedInto?.name ?? null,
        report: report ? { title: report.title, publishedAt: report.publishedAt } : null,
        source: node.source ?? null,
      };
    }),
  );
}
