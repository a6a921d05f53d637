// Merges a report's relationships by identity (type + ends, + role for ATTENDED, + folded
// title for HOLDS_POSITION) and adds the report and its evidence to their provenance.
UNWIND $relationships AS rel
MATCH (a:Entity {key: rel.source})
MATCH (b:Entity {key: rel.target})
CALL {
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'ORGANIZED' MERGE (a)-[x:ORGANIZED]->(b) RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'ATTENDED' MERGE (a)-[x:ATTENDED {role: rel.role}]->(b) RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'HOLDS_POSITION'
  MERGE (a)-[x:HOLDS_POSITION {titleKey: rel.titleKey}]->(b) ON CREATE SET x.title = rel.title RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'AWARDED_BY' MERGE (a)-[x:AWARDED_BY]->(b) RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'PRESENTED_AT' MERGE (a)-[x:PRESENTED_AT]->(b) RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'RECEIVED' MERGE (a)-[x:RECEIVED]->(b) RETURN x
  UNION
  WITH a, b, rel WITH a, b, rel WHERE rel.type = 'COOPERATES_WITH' MERGE (a)-[x:COOPERATES_WITH]->(b) RETURN x
}
SET x.reports = [k IN coalesce(x.reports, []) WHERE k <> $report] + $report,
    x.evidence = [v IN coalesce(x.evidence, []) WHERE NOT v STARTS WITH $evidencePrefix] + rel.evidence
