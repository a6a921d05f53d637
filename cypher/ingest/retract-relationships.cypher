// Removes a set of reports (`$load.reports`) from the provenance of every relationship they state:
// their `Evidence` nodes go, and a relationship left with no evidence from any report is deleted.
// The relationship is found from its two ends (the evidence keeps their keys), which Neo4j expands
// from the end with fewer relationships.
UNWIND $load.reports AS report
MATCH (ev:Evidence)
USING INDEX ev:Evidence(report)
WHERE ev.report = report
WITH ev, ev.fact AS fact, ev.source AS source, ev.target AS target
DELETE ev
WITH DISTINCT fact, source, target
WHERE NOT EXISTS { MATCH (other:Evidence) USING INDEX other:Evidence(fact) WHERE other.fact = fact }
MATCH (a:Entity {key: source})-[rel]->(b:Entity {key: target})
WHERE rel.fact = fact
DELETE rel
