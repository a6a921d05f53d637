// The neighbourhood of an entity in one query: breadth-first up to $depth (1–3) hops over
// $relTypes (plus $provinceRelTypes around a province or when $walkProvinces), neighbours
// optionally only of $types, at most $limit nodes (the centre and the nearer levels first), then
// the relationships among those nodes. No row when there is no such entity.
// Nodes come as [key, type, name, title, metric, province, date, publishedAt] and edges as
// [source key, target key, type, properties, evidence]: lists, not maps, since the driver decodes
// every key of every map (on the benchmark's 100k graph, reading and parsing a neighbourhood took
// the API a quarter less CPU).
// Each level reads at most 2 × $limit distinct candidates, so a hub (a province, a national
// alliance) costs what the limit allows, not its whole degree.
MATCH (centre:Entity {key: $centre})
WITH centre, $relTypes + CASE WHEN centre:Province OR $walkProvinces THEN $provinceRelTypes ELSE [] END AS relTypes
CALL (centre, relTypes) {
  OPTIONAL MATCH (centre)-[r]-(m:Entity)
  WHERE type(r) IN relTypes AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT m LIMIT 2 * $limit
  RETURN collect(m) AS reached1
}
WITH centre, relTypes, [m IN reached1 WHERE m <> centre][..$limit - 1] AS level1
CALL (level1, relTypes) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE type(r) IN relTypes AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT m LIMIT 2 * $limit
  RETURN collect(m) AS reached2
}
WITH centre, relTypes, level1, [m IN reached2 WHERE m <> centre AND NOT m IN level1][..$limit - 1 - size(level1)] AS level2
CALL (level2, relTypes) {
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
// from those. Edges between two hubs are read from the side each type has few of (a meeting has
// one or two organisers, an award one issuer, an official a few positions): outgoing for the
// first list of types below, incoming for the second. Neo4j keeps a hub's relationships grouped
// by type and direction, so a provincial alliance's thousand ORGANIZED meetings are not read to
// find its one COOPERATES_WITH. Every type of $relTypes and $provinceRelTypes is in one of the
// two lists; a new relationship type goes into one too. (One list per direction, not a branch per
// type: on the benchmark's 100k graph the eight branches cost a neighbourhood with two hubs an
// eighth of Neo4j's time.)
CALL (inside, relTypes) {
  WITH inside, relTypes, [n IN inside WHERE COUNT { (n)--() } > $hubDegree] AS hubs
  CALL (inside, relTypes, hubs) {
    UNWIND [n IN inside WHERE NOT n IN hubs] AS n
    MATCH (n)-[r]->(m:Entity)
    WHERE type(r) IN relTypes AND m IN inside
    RETURN n AS a, r, m AS b
    UNION ALL
    UNWIND [n IN inside WHERE NOT n IN hubs] AS n
    MATCH (n)<-[r]-(m:Entity)
    WHERE type(r) IN relTypes AND m IN hubs
    RETURN m AS a, r, n AS b
    UNION ALL
    UNWIND CASE WHEN size(hubs) > 1 THEN hubs ELSE [] END AS h
    MATCH (h)-[r:HOLDS_POSITION|AWARDED_BY|PRESENTED_AT|COOPERATES_WITH|LOCATED_IN|MERGED_INTO]->(other)
    WHERE other IN hubs AND type(r) IN relTypes
    RETURN h AS a, r, other AS b
    UNION ALL
    UNWIND CASE WHEN size(hubs) > 1 THEN hubs ELSE [] END AS h
    MATCH (h)<-[r:ORGANIZED|ATTENDED|RECEIVED]-(other)
    WHERE other IN hubs AND type(r) IN relTypes
    RETURN other AS a, r, h AS b
  }
  RETURN collect([a.key, b.key, type(r), r {.*, fact: null}, CASE WHEN $withEvidence THEN __fragment:evidence-all__ ELSE [] END]) AS edges
}
RETURN [n IN inside | [n.key, n.type, n.name, n.title, n.metric, n.province, n.date, n.publishedAt]] AS nodes, edges
