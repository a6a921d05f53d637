// Naive loader (benchmark baseline): one relationship, alone in its transaction. The type placeholder is
// replaced by a relation type from the record contract's fixed list; the identity placeholder holds the
// role (ATTENDED) or folded title (HOLDS_POSITION) that tells relationships apart, else nothing.
MATCH (a:Entity {key: $source})
MATCH (b:Entity {key: $target})
MERGE (a)-[x:__TYPE__ __IDENTITY__]->(b)
SET x += $properties, x.fact = $fact
