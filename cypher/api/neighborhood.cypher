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
// The edges among the nodes, each read from an end with few relationships where it has one: a hub
// (more than $hubDegree, such as a department that organised thousands of meetings) is expanded
// only for its edges to other hubs, when there are any; its edges to the other nodes are found
// from those. A hub's thousands of relationships are read only when two hubs are in the set.
CALL {
  WITH inside, relTypes
  WITH inside, relTypes, [n IN inside WHERE COUNT { (n)--() } > $hubDegree] AS hubs
  CALL {
    WITH inside, relTypes, hubs
    UNWIND [n IN inside WHERE NOT n IN hubs] AS n
    MATCH (n)-[r]->(m:Entity)
    WHERE type(r) IN relTypes AND m IN inside
    RETURN n AS a, r, m AS b
    UNION ALL
    WITH inside, relTypes, hubs
    UNWIND [n IN inside WHERE NOT n IN hubs] AS n
    MATCH (n)<-[r]-(m:Entity)
    WHERE type(r) IN relTypes AND m IN hubs
    RETURN m AS a, r, n AS b
    UNION ALL
    WITH relTypes, hubs
    UNWIND CASE WHEN size(hubs) > 1 THEN hubs ELSE [] END AS a
    MATCH (a)-[r]->(b:Entity)
    WHERE type(r) IN relTypes AND b IN hubs
    RETURN a, r, b
  }
  RETURN collect({source: a.key, target: b.key, type: type(r), props: r {.*, fact: null, evidence: CASE WHEN $withEvidence THEN COLLECT { MATCH (ev:Evidence {fact: r.fact}) WITH ev ORDER BY coalesce(ev.publishedAt, ''), ev.report RETURN ev {.report, .start, .end, .text} } ELSE [] END}}) AS edges
}
RETURN [n IN inside | n {.*, searchText: null}] AS nodes, edges
