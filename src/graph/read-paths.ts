import { z } from 'zod';
import { cypher } from './cypher.ts';
import type { Gateway } from './gateway.ts';
import { EVIDENCE_LIMIT, toRelationRow } from './read-relations.ts';
import type { RelationRow } from './read-relations.ts';
import { parseNodeRow, rowMapSchema, toCypherParams, toPlain } from './read-rows.ts';
import type { NodeRow, ReadOptions } from './read-rows.ts';

/** One hop of a path in path order; `relation.outgoing` says whether it is stored from `from` to `to`. */
export type PathHop = { from: NodeRow; to: NodeRow; relation: RelationRow };
export type PathRow = { nodes: NodeRow[]; hops: PathHop[] };
/** `evidence`/`evidenceCount`: whether hops carry their latest sentences / the count of all (both unless told otherwise). */
export type PathRequest = {
  from: string;
  to: string;
  maxLength: number;
  throughProvinces: boolean;
  limit: number;
  evidence?: boolean;
  evidenceCount?: boolean;
};

/** Longest path the API looks for: beyond it shortest-path search on a dense graph gets costly and the answer meaningless. */
export const MAX_PATH_LENGTH = 6;

const rowSchema = z.object({
  nodes: z.array(z.unknown()),
  rels: z.array(z.object({ type: z.string(), start: z.string(), props: rowMapSchema })),
});

/** The shortest paths between two entities, each hop with its evidence; empty when none is short enough or an end does not exist. */
export async function readShortestPaths(gateway: Gateway, request: PathRequest, options: ReadOptions = {}): Promise<PathRow[]> {
  const { maxLength } = request;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) throw new Error(`maxLength out of range: ${maxLength}`);
  if (request.from === request.to) return [];
  const name = request.throughProvinces ? 'api/paths-through-provinces' : 'api/paths';
  const text = cypher(name).replaceAll('__MAX__', String(maxLength));
  const params = {
    from: request.from,
    to: request.to,
    limit: request.limit,
    evidenceLimit: EVIDENCE_LIMIT,
    withEvidence: request.evidence ?? true,
    withEvidenceCount: request.evidenceCount ?? true,
  };
  const result = await gateway.readOne(text, toCypherParams(params), options);
  return result.records.map((record) => toPath(rowSchema.parse(toPlain(record.toObject()))));
}

function toPath(row: z.infer<typeof rowSchema>): PathRow {
  const nodes = row.nodes.map(parseNodeRow);
  const hops = row.rels.map((rel, i) => {
    const from = nodes[i];
    const to = nodes[i + 1];
    if (!from || !to) throw new Error('path with fewer nodes than hops');
    return { from, to, relation: toRelationRow(rel.type, rel.start === from.key, rel.props, row.nodes[i + 1]) };
  });
  return { nodes, hops };
}
