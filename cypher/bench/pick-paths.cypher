// Of the candidate cooperatives, pairs three hops apart (the cooperative and the first official,
// by key, at a meeting where it was awarded): endpoints for the shortest-path query, in key order.
UNWIND $keys AS key
MATCH (c:Cooperative {key: key})-[:RECEIVED]->(:Award)-[:PRESENTED_AT]->(:Meeting)<-[:ATTENDED]-(o:Official)
WITH c, min(o.key) AS to
RETURN c.key AS from, to
ORDER BY from
