// The relationships leaving a set of entities (the caller keeps those whose target is in the set).
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r]->(m:Entity)
WHERE type(r) IN $relTypes
RETURN n.key AS source, m.key AS target, type(r) AS type, r {.*, fact: null, evidence: __fragment:evidence-all__} AS props
