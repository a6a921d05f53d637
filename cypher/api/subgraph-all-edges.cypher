// Every relationship between entities, for whole-graph exports.
MATCH (n:Entity)-[r]->(m:Entity)
RETURN n.key AS source, m.key AS target, type(r) AS type, r {.*, fact: null, evidence: COLLECT { MATCH (ev:Evidence {fact: r.fact}) WITH ev ORDER BY coalesce(ev.publishedAt, ''), ev.report RETURN ev {.report, .start, .end, .text} }} AS props
