import { z } from 'zod';
import { entityRefSchema, evidenceSchema, mapResult, operation, requestGraphql, type ApiResult, type EntityRef, type Evidence } from './graphql-client.ts';
import pathsQuery from './queries/paths.graphql?raw';

/** One step of a path: the relationship from one node to the next, which way it is stored, and its sentences. */
export type Hop = { type: string; forward: boolean; from: string; to: string; attributes: Record<string, unknown>; evidence: Evidence[]; evidenceCount: number };
/** A shortest path: its nodes in order and the hops between them. */
export type FoundPath = { nodes: EntityRef[]; hops: Hop[] };

const schema = z.object({
  path: z.array(z.object({
    nodes: z.array(entityRefSchema),
    hops: z.array(z.object({
      type: z.string(),
      forward: z.boolean(),
      attributes: z.record(z.string(), z.unknown()).nullable().transform((value) => value ?? {}),
      from: z.object({ id: z.string() }),
      to: z.object({ id: z.string() }),
      evidence: z.array(evidenceSchema),
      evidenceCount: z.number(),
    })),
  })),
});

/** The shortest paths (up to five) between two entities over at most `maxLength` hops (the API's `path`). */
export async function fetchPaths(from: string, to: string, maxLength: number): Promise<ApiResult<FoundPath[]>> {
  const result = await requestGraphql(operation(pathsQuery), { from, to, maxLength }, schema);
  return mapResult(result, (data) =>
    data.path.map((path) => ({ nodes: path.nodes, hops: path.hops.map((hop) => ({ ...hop, from: hop.from.id, to: hop.to.id })) })),
  );
}
