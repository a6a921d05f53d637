// Merges a report's entities by key, links the report to each (MENTIONS with spans), places
// new entities in their province (LOCATED_IN) and the report in its own (ABOUT). Properties
// of an existing node are only touched when the report brings a new spelling, so a node
// seen in thousands of reports is not write-locked by every load.
UNWIND $provinces AS pr
MERGE (p:Entity:Province {key: pr.key})
ON CREATE SET p.type = 'Province', p.name = pr.name, p.nameFolded = pr.nameFolded, p.province = pr.name,
              p.aliases = [], p.searchText = pr.nameFolded
WITH count(*) AS provincesEnsured
MATCH (r:Report {key: $report})
OPTIONAL MATCH (home:Province {key: $reportProvinceKey})
FOREACH (_ IN CASE WHEN home IS NULL THEN [] ELSE [1] END | CREATE (r)-[:ABOUT]->(home))
WITH r
UNWIND $entities AS e
CALL {
  WITH e WITH e WHERE e.type = 'Province' MERGE (n:Entity:Province {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Alliance' MERGE (n:Entity:Alliance {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Official' MERGE (n:Entity:Official {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Meeting' MERGE (n:Entity:Meeting {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Agency' MERGE (n:Entity:Agency {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Award' MERGE (n:Entity:Award {key: e.key}) RETURN n
  UNION
  WITH e WITH e WHERE e.type = 'Cooperative' MERGE (n:Entity:Cooperative {key: e.key}) RETURN n
}
WITH r, e, n, n.type IS NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET n.type = e.type, n.name = e.name, n.nameFolded = e.nameFolded, n.province = e.province,
      n.date = e.date, n.kind = e.kind, n.attributes = e.attributes, n.aliases = [], n.searchText = e.nameFolded)
WITH r, e, n, created, [a IN e.aliases WHERE NOT a IN n.aliases] AS fresh
FOREACH (_ IN CASE WHEN size(fresh) > 0 THEN [1] ELSE [] END |
  SET n.aliases = n.aliases + fresh,
      n.searchText = n.searchText + reduce(s = '', a IN fresh | s + ' ' + a))
CREATE (r)-[:MENTIONS {spans: e.spans}]->(n)
WITH n, e, created
WHERE created AND e.provinceKey IS NOT NULL
MATCH (p:Province {key: e.provinceKey})
CREATE (n)-[:LOCATED_IN]->(p)
