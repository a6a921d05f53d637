// Relationships per type and end labels, to compare two loads of the same records.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.type AS source, b.type AS target, count(*) AS count
ORDER BY type, source, target
