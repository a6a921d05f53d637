// Officials holding at least one position, in key order: ids for the lookup-by-id query (and
// words for search), spread over this list by the benchmark.
MATCH (o:Official)
WHERE EXISTS { (o)-[:HOLDS_POSITION]->() }
RETURN o.key AS key, o.nameFolded AS nameFolded
ORDER BY key
