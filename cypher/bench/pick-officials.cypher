// Officials holding at least one position: ids for the lookup-by-id query.
MATCH (o:Official)
WHERE EXISTS { (o)-[:HOLDS_POSITION]->() }
RETURN o.key AS key, o.nameFolded AS nameFolded
LIMIT $limit
