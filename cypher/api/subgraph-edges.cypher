// The relationships leaving a set of entities, $batch.keys (the caller keeps those whose target is
// in the set); the keys come in a map so that sets of every size share one plan.
UNWIND $batch.keys AS key
MATCH (n:Entity {key: key})-[r]->(m:Entity)
WHERE type(r) IN $relTypes
RETURN n.key AS source, m.key AS target, type(r) AS type, r {.*, fact: null, evidence: __fragment:evidence-all__} AS props
