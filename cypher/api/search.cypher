// Full-text search over the folded names (`searchText`) of all entities; hits come best first.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $types IS NULL OR node.type IN $types
RETURN node {.*, text: null, searchText: null} AS node, score
LIMIT $limit
