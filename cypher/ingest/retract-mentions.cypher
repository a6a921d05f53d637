// Drops a report's mentions and its ABOUT link, then deletes the entities no report mentions
// any more (provinces stay: they come from the gazetteer). Relationships of other reports
// keep their ends alive because those reports mention both ends.
MATCH (r:Report {key: $report})
OPTIONAL MATCH (r)-[about:ABOUT]->()
DELETE about
WITH DISTINCT r
MATCH (r)-[m:MENTIONS]->(e:Entity)
DELETE m
WITH DISTINCT e
WHERE NOT e:Province
  AND NOT EXISTS { (e)<-[:MENTIONS]-() }
  AND NOT EXISTS { (e)-[x]-() WHERE type(x) <> 'LOCATED_IN' }
DETACH DELETE e
