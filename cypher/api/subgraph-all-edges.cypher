// Every relationship between entities, for whole-graph exports.
MATCH (n:Entity)-[r]->(m:Entity)
RETURN n.key AS source, m.key AS target, type(r) AS type, r {.*, fact: null, evidence: __fragment:evidence-all__} AS props
