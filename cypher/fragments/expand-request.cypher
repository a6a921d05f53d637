// The body of a `CALL (n, req) { … }` that reads the relationships one request asks of node `n`:
// `req.type` in direction `req.direction` ('out', 'in' or 'both'), returning each relationship `r`
// and the node `m` at its other end. One branch per relationship type and direction, each written
// with its type, because Neo4j reads a typed pattern from the node's relationships of that type
// only, while a pattern that tests `type(r)` reads every relationship of the node: thousands on an
// official who attended thousands of meetings. The branch guard is checked before anything is read.
// A relationship type with no branch here is never found: add both of its branches.
WITH n, req WHERE req.type = 'ORGANIZED' AND req.direction IN ['out', 'both']
MATCH (n)-[r:ORGANIZED]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'ORGANIZED' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:ORGANIZED]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'ATTENDED' AND req.direction IN ['out', 'both']
MATCH (n)-[r:ATTENDED]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'ATTENDED' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:ATTENDED]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'HOLDS_POSITION' AND req.direction IN ['out', 'both']
MATCH (n)-[r:HOLDS_POSITION]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'HOLDS_POSITION' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:HOLDS_POSITION]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'AWARDED_BY' AND req.direction IN ['out', 'both']
MATCH (n)-[r:AWARDED_BY]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'AWARDED_BY' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:AWARDED_BY]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'PRESENTED_AT' AND req.direction IN ['out', 'both']
MATCH (n)-[r:PRESENTED_AT]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'PRESENTED_AT' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:PRESENTED_AT]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'RECEIVED' AND req.direction IN ['out', 'both']
MATCH (n)-[r:RECEIVED]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'RECEIVED' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:RECEIVED]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'COOPERATES_WITH' AND req.direction IN ['out', 'both']
MATCH (n)-[r:COOPERATES_WITH]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'COOPERATES_WITH' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:COOPERATES_WITH]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'LOCATED_IN' AND req.direction IN ['out', 'both']
MATCH (n)-[r:LOCATED_IN]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'LOCATED_IN' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:LOCATED_IN]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'MERGED_INTO' AND req.direction IN ['out', 'both']
MATCH (n)-[r:MERGED_INTO]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'MERGED_INTO' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:MERGED_INTO]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'ABOUT' AND req.direction IN ['out', 'both']
MATCH (n)-[r:ABOUT]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'ABOUT' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:ABOUT]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'MENTIONS' AND req.direction IN ['out', 'both']
MATCH (n)-[r:MENTIONS]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'MENTIONS' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:MENTIONS]-(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'STATES' AND req.direction IN ['out', 'both']
MATCH (n)-[r:STATES]->(m)
RETURN r, m
UNION ALL
WITH n, req WHERE req.type = 'STATES' AND req.direction IN ['in', 'both']
MATCH (n)<-[r:STATES]-(m)
RETURN r, m
