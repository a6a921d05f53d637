// Who took part (attended or organised) in the same meetings as an entity, most shared first.
MATCH (x:Entity {key: $key})-[:ATTENDED|ORGANIZED]->(m:Meeting)<-[:ATTENDED|ORGANIZED]-(o:Entity)
WHERE o <> x
WITH o, m
ORDER BY coalesce(m.date, '') DESC, m.key
WITH o, collect(DISTINCT m.key) AS meetings
RETURN o {.*, searchText: null} AS node, size(meetings) AS count, meetings
ORDER BY count DESC, o.nameFolded, o.key
LIMIT $limit
