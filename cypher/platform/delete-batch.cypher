// Deletes up to $batch nodes with their relationships; run until it returns 0 (tests reset the graph with it).
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
