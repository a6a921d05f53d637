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
export function relationRequest(context: ApiContext, key: string, field: RelationField, args: Record<string, unknown>): RelationRequest {
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
  };
}

/**
 * The rows of one relationship field of one node, through the request's DataLoader, so all
 * such fields of a response level go to Neo4j as one query (or none, when prefetched).
 */
export function loadRelated(context: ApiContext, node: NodeRow, field: RelationField, args: Record<string, unknown> = {}): Promise<RelationRow[]> {
  return context.loaders.relations.load(relationRequest(context, node.key, field, args));
}

/** The other ends of a relationship field. */
export async function loadRelatedNodes(...args: Parameters<typeof loadRelated>): Promise<NodeRow[]> {
  return (await loadRelated(...args)).map((row) => row.node);
}

/** The first other end of a relationship field, or null. */
export async function loadRelatedNode(...args: Parameters<typeof loadRelated>): Promise<NodeRow | null> {
  return (await loadRelated(...args))[0]?.node ?? null;
}
