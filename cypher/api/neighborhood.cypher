// The neighbourhood of an entity in one query: breadth-first up to $depth (1–3) hops over
// $relTypes (plus $provinceRelTypes around a province or when $walkProvinces), neighbours
// optionally only of $types, at most $limit nodes (the centre and the nearer levels first), then
// the relationships among those nodes. No row when there is no such entity.
// Each level reads at most 2 × $limit distinct candidates, so a hub (a province, a national
// alliance) costs what the limit allows, not its whole degree.
MATCH (centre:Entity {key: $centre})
WITH centre, $relTypes + CASE WHEN centre:Province OR $walkProvinces THEN $provinceRelTypes ELSE [] END AS relTypes
CALL {
  WITH centre, relTypes
  OPTIONAL MATCH (centre)-[r]-(m:Entity)
  WHERE type(r) IN relTypes AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT m LIMIT 2 * $limit
  RETURN collect(m) AS reached1
}
WITH centre, relTypes, [m IN reached1 WHERE m <> centre][..$limit - 1] AS level1
CALL {
  WITH level1, relTypes
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN relTypes AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT m LIMIT 2 * $limit
  RETURN collect(m) AS reached2
}
WITH centre, relTypes, level1, [m IN reached2 WHERE m <> centre AND NOT m IN level1][..$limit - 1 - size(level1)] AS level2
CALL {
  WITH level2, relTypes
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN relTypes AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT m LIMIT 2 * $limit
  RETURN collect(m) AS reached3
}
WITH relTypes, [centre] + level1 + level2 +
     [m IN reached3 WHERE m <> centre AND NOT m IN level1 AND NOT m IN level2][..$limit - 1 - size(level1) - size(level2)] AS inside
CALL {
  WITH inside, relTypes
  UNWIND inside AS n
  MATCH (n)-[r]->(m:Entity)
  WHERE type(r) IN relTypes AND m IN inside
  RETURN collect({source: n.key, target: m.key, type: type(r), props: properties(r)}) AS edges
}
RETURN [n IN inside | n {.*, searchText: null}] AS nodes, edges
