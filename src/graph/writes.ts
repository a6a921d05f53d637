import type { ResultSummary } from 'neo4j-driver';

/** The graph writes a statement made: nodes, relationships, properties and labels changed. */
export function countWrites(summary: ResultSummary): number {
  const u = summary.counters.updates();
  return (
    u.nodesCreated +
    u.nodesDeleted +
    u.relationshipsCreated +
    u.relationshipsDeleted +
    u.propertiesSet +
    u.labelsAdded +
    u.labelsRemoved
  );
}
