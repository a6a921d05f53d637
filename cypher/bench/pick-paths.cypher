// Pairs three hops apart (a cooperative and an official at the meeting where it was awarded):
// endpoints for the shortest-path query.
MATCH (c:Cooperative)
WITH c LIMIT $scan
MATCH (c)-[:RECEIVED]->(:Award)-[:PRESENTED_AT]->(:Meeting)<-[:ATTENDED]-(o:Official)
WITH c, head(collect(DISTINCT o.key)) AS to
RETURN c.key AS from, to
LIMIT $limit
