import { Kind } from 'graphql';
import type { GraphQLResolveInfo, SelectionNode } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { RelationRequest, RelationRow } from '../../graph/read-relations.ts';
import type { NodeRow } from '../../graph/read-rows.ts';
import type { ApiContext } from '../context.ts';
import type { RelationField } from './relation-fields.ts';

/** Most rows a relationship field without `first` returns: generous for a meeting's attendees, bounded for hubs. */
export const RELATION_LIMIT = 500;

/**
 * The loader request of one relationship field of one node. Built in one place, so the
 * prefetch of `node(id)` and the field resolvers ask with identical requests (the loader's cache key).
 */
export function relationRequest(
  context: ApiContext,
  key: string,
  field: RelationField,
  args: Record<string, unknown>,
  provenance: boolean,
): RelationRequest {
  const options = field.options?.(args) ?? {};
  const limit = options.first == null ? RELATION_LIMIT : Math.min(Math.max(options.first, 0), context.config.maxPageSize);
  return {
    key,
    type: field.type,
    direction: field.direction,
    types: options.types ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    order: options.order ?? 'name',
    limit,
    evidence: field.end !== undefined && provenance,
  };
}

/**
 * The rows of one relationship field of one node, through the request's DataLoader, so all
 * such fields of a response level go to Neo4j as one query (or none, when prefetched).
 */
export function loadRelated(
  context: ApiContext,
  node: NodeRow,
  field: RelationField,
  args: Record<string, unknown> = {},
  info?: GraphQLResolveInfo,
): Promise<RelationRow[]> {
  const provenance = info === undefined || selectsProvenance(info);
  return context.loaders.relations.load(relationRequest(context, node.key, field, args, provenance));
}

/** Field names of the edge objects that need a relationship's evidence read. */
export const PROVENANCE_FIELDS = new Set(['evidence', 'evidenceCount']);

/** The sub-selections of a parsed selection (`graphql-parse-resolve-info`) on fields named one of `names`, on any type. */
export function selectedFields(tree: ResolveTree, names: ReadonlySet<string>): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((byName) => Object.values(byName).filter((field) => names.has(field.name)));
}

/**
 * Whether a relationship field's selection on its edge objects names `evidence` or
 * `evidenceCount`, directly or in fragments on the edge object. Directives are not evaluated: a
 * skipped field still counts, which can only read evidence nobody asked for, never leave out
 * evidence that was asked for.
 */
export function selectsProvenance(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const onEdge = (selections: readonly SelectionNode[]): boolean =>
    selections.some((node) => {
      if (node.kind === Kind.FIELD) return PROVENANCE_FIELDS.has(node.name.value);
      const inner = node.kind === Kind.INLINE_FRAGMENT ? node.selectionSet : info.fragments[node.name.value]?.selectionSet;
      return inner !== undefined && onEdge(inner.selections);
    });
  return info.fieldNodes.some((field) => field.selectionSet !== undefined && onEdge(field.selectionSet.selections));
}

/** The other ends of a relationship field. */
export async function loadRelatedNodes(...args: Parameters<typeof loadRelated>): Promise<NodeRow[]> {
  return (await loadRelated(...args)).map((row) => row.node);
}

/** The first other end of a relationship field, or null. */
export async function loadRelatedNode(...args: Parameters<typeof loadRelated>): Promise<NodeRow | null> {
  return (await loadRelated(...args))[0]?.node ?? null;
}
