// Drops the mentions and ABOUT links of a set of reports (`$load.reports`), then deletes the
// entities no report mentions any more (provinces stay: they come from the gazetteer).
// Relationships of other reports keep their ends alive because those reports mention both ends.
MATCH (r:Report)
WHERE r.key IN $load.reports
OPTIONAL MATCH (r)-[about:ABOUT]->()
DELETE about
WITH DISTINCT r
MATCH (r)-[m:MENTIONS]->(e:Entity)
DELETE m
// Every mention of every report goes before any entity is judged (collect waits for all rows):
// an entity two of the reports mention is judged once both mentions are gone.
WITH collect(DISTINCT e) AS entities
UNWIND entities AS e
WITH e
WHERE NOT e:Province
  AND NOT EXISTS { (e)<-[:MENTIONS]-() }
  AND NOT EXISTS { (e)-[x]-() WHERE type(x) <> 'LOCATED_IN' }
DETACH DELETE e
