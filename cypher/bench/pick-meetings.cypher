// Meetings with attendees and awards, in key order: ids for the meeting query, spread over this
// list by the benchmark.
MATCH (m:Meeting)
WHERE EXISTS { (m)<-[:ATTENDED]-() } AND EXISTS { (m)<-[:PRESENTED_AT]-() }
RETURN m.key AS key
ORDER BY key
