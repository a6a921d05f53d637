// The entities of $types with the most relationships that reports state (not the province map,
// mentions or statistics), most first; ties by key. Each degree is read from the node's
// relationship counts per type, not by walking its relationships.
MATCH (e:Entity)
WHERE e.type IN $types
WITH e, COUNT { (e)-[:ORGANIZED|ATTENDED|HOLDS_POSITION|AWARDED_BY|PRESENTED_AT|RECEIVED|COOPERATES_WITH]-() } AS degree
WHERE degree > 0
WITH e, degree
ORDER BY degree DESC, e.key
LIMIT $limit
RETURN e {.*, text: null, searchText: null} AS node, degree
