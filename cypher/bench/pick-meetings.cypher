// Meetings with attendees and awards: ids for the meeting query.
MATCH (m:Meeting)
WHERE EXISTS { (m)<-[:ATTENDED]-() } AND EXISTS { (m)<-[:PRESENTED_AT]-() }
RETURN m.key AS key
LIMIT $limit
