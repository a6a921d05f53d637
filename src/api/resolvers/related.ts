import type { RelationRequest, RelationRow } from '../../graph/read-relations.ts';
import type { NodeRow, NodeType } from '../../graph/read-rows.ts';
import type { ApiContext } from '../context.ts';

/** Most rows a relationship field without `first` returns: generous for a meeting's attendees, bounded for hubs. */
export const RELATION_LIMIT = 500;

type RelatedOptions = {
  types?: NodeType[];
  from?: string | null;
  to?: string | null;
  order?: 'date' | 'name';
  first?: number | null;
};

/**
 * The rows of one relationship field of one node, through the request's DataLoader, so all
 * such fields of a response level go to Neo4j as one query.
 */
export function loadRelated(
  context: ApiContext,
  node: NodeRow,
  type: string,
  direction: RelationRequest['direction'],
  options: RelatedOptions = {},
): Promise<RelationRow[]> {
  const limit = options.first == null ? RELATION_LIMIT : Math.min(Math.max(options.first, 0), context.config.maxPageSize);
  return context.loaders.relations.load({
    key: node.key,
    type,
    direction,
    types: options.types ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    order: options.order ?? 'name',
    limit,
  });
}

/** The other ends of a relationship field. */
export async function loadRelatedNodes(...args: Parameters<typeof loadRelated>): Promise<NodeRow[]> {
  return (await loadRelated(...args)).map((row) => row.node);
}

/** The first other end of a relationship field, or null. */
export async function loadRelatedNode(...args: Parameters<typeof loadRelated>): Promise<NodeRow | null> {
  return (await loadRelated(...args))[0]?.node ?? null;
}
