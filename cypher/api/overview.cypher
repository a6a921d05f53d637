// What the graph holds, for the first view of the network page: nodes per type (a count of one
// label is answered from Neo4j's count store, without reading nodes; counted before the type is
// named, so a type with no node still gets its row), and the first and last day
// of the dated meetings and awards and of the reports' publication (read from the ends of the
// `date` and `publishedAt` indexes).
CALL () {
  MATCH (n:Province) WITH count(n) AS count RETURN 'Province' AS type, count
  UNION ALL
  MATCH (n:Alliance) WITH count(n) AS count RETURN 'Alliance' AS type, count
  UNION ALL
  MATCH (n:Agency) WITH count(n) AS count RETURN 'Agency' AS type, count
  UNION ALL
  MATCH (n:Official) WITH count(n) AS count RETURN 'Official' AS type, count
  UNION ALL
  MATCH (n:Meeting) WITH count(n) AS count RETURN 'Meeting' AS type, count
  UNION ALL
  MATCH (n:Award) WITH count(n) AS count RETURN 'Award' AS type, count
  UNION ALL
  MATCH (n:Cooperative) WITH count(n) AS count RETURN 'Cooperative' AS type, count
  UNION ALL
  MATCH (n:Report) WITH count(n) AS count RETURN 'Report' AS type, count
  UNION ALL
  MATCH (n:Statistic) WITH count(n) AS count RETURN 'Statistic' AS type, count
}
WITH collect({type: type, count: count}) AS counts
CALL () {
  MATCH (e:Entity) WHERE e.date IS NOT NULL
  RETURN min(e.date) AS firstEvent, max(e.date) AS lastEvent
}
CALL () {
  MATCH (r:Report) WHERE r.publishedAt IS NOT NULL
  RETURN min(r.publishedAt) AS firstReport, max(r.publishedAt) AS lastReport
}
RETURN counts, firstEvent, lastEvent, firstReport, lastReport
