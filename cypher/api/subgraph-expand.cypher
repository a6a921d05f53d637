// One breadth-first step of a neighbourhood: the entities one relationship away from the
// frontier, over the given relationship types, optionally only of some entity types.
UNWIND $frontier AS key
MATCH (n:Entity {key: key})-[r]-(m:Entity)
WHERE type(r) IN $relTypes AND ($types IS NULL OR m.type IN $types)
RETURN DISTINCT m.key AS key
LIMIT $limit
