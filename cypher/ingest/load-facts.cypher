// Loads the facts of a group of reports in one statement (one round trip), from the rows of
// `groupLoad` (src/graph/load-plan.ts): the provinces the rows point to; each entity once, merged
// by key (type label set when created), with a MENTIONS from every report of the group that names
// it and, when created, its LOCATED_IN; each relationship once, merged by identity (`fact`), with
// one `Evidence` node per report that states it; then per report its ABOUT link and statistics.
// Entities and relationships come sorted by key, so concurrent groups lock nodes in one order.
// A relationship that many reports state is only matched by each of them: its provenance grows by
// a node per report, never by rewriting a list on the relationship, so the cost of a report does
// not grow with the corpus. Labels and relationship types come from fixed lists (FOREACH
// branches), never from the data. An existing node is only written when the group brings a new
// spelling, so a node seen in thousands of reports is not write-locked by every load.
// `replan=skip`: the plan (index seeks on keys) is right at any size, and re-planning this
// statement each time the growing graph's statistics drift costs seconds. All values come in
// one map, `$load`: Neo4j keys its plan cache on the size class of every list parameter, so
// separate lists would plan this statement again (about a second) for each new mix of sizes;
// a map parameter has one cache key.
CYPHER replan=skip
CALL () {
  UNWIND $load.provinces AS pr
  MERGE (p:Entity {key: pr.key})
  ON CREATE SET p:Province, p.type = 'Province', p.name = pr.name, p.shortName = pr.name, p.nameFolded = pr.nameFolded,
                p.province = pr.name, p.aliases = [], p.searchText = pr.nameFolded
}
CALL () {
  UNWIND $load.entities AS e
  MERGE (n:Entity {key: e.key})
  WITH e, n, n.type IS NULL AS created
  FOREACH (_ IN CASE WHEN created AND e.type = 'Province' THEN [1] ELSE [] END | SET n:Province)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Alliance' THEN [1] ELSE [] END | SET n:Alliance)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Official' THEN [1] ELSE [] END | SET n:Official)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Meeting' THEN [1] ELSE [] END | SET n:Meeting)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Agency' THEN [1] ELSE [] END | SET n:Agency)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Award' THEN [1] ELSE [] END | SET n:Award)
  FOREACH (_ IN CASE WHEN created AND e.type = 'Cooperative' THEN [1] ELSE [] END | SET n:Cooperative)
  FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
    SET n.type = e.type, n.name = e.name, n.shortName = e.shortName, n.nameFolded = e.nameFolded, n.province = e.province,
        n.date = e.date, n.kind = e.kind, n.attributes = e.attributes, n.aliases = [], n.searchText = e.nameFolded)
  WITH e, n, created, [a IN e.aliases WHERE NOT a IN n.aliases] AS fresh
  FOREACH (_ IN CASE WHEN size(fresh) > 0 THEN [1] ELSE [] END |
    SET n.aliases = n.aliases + fresh, n.searchText = n.searchText + reduce(s = '', a IN fresh | s + ' ' + a))
  WITH e, n, created
  CALL (e, n) {
    UNWIND e.mentions AS m
    MATCH (r:Report {key: m.report})
    CREATE (r)-[:MENTIONS {spans: m.spans}]->(n)
  }
  WITH e, n, created
  WHERE created AND e.provinceKey IS NOT NULL
  MATCH (p:Entity {key: e.provinceKey})
  CREATE (n)-[:LOCATED_IN]->(p)
}
CALL () {
  UNWIND $load.relationships AS rel
  MATCH (a:Entity {key: rel.source})
  MATCH (b:Entity {key: rel.target})
  FOREACH (_ IN CASE WHEN rel.type = 'ORGANIZED' THEN [1] ELSE [] END |
    MERGE (a)-[x:ORGANIZED]->(b) ON CREATE SET x.fact = rel.fact)
  FOREACH (_ IN CASE WHEN rel.type = 'ATTENDED' THEN [1] ELSE [] END |
    MERGE (a)-[x:ATTENDED {role: rel.role}]->(b) ON CREATE SET x.fact = rel.fact)
  FOREACH (_ IN CASE WHEN rel.type = 'HOLDS_POSITION' THEN [1] ELSE [] END |
    MERGE (a)-[x:HOLDS_POSITION {titleKey: rel.titleKey}]->(b) ON CREATE SET x.fact = rel.fact, x.title = rel.title)
  FOREACH (_ IN CASE WHEN rel.type = 'AWARDED_BY' THEN [1] ELSE [] END |
    MERGE (a)-[x:AWARDED_BY]->(b) ON CREATE SET x.fact = rel.fact)
  FOREACH (_ IN CASE WHEN rel.type = 'PRESENTED_AT' THEN [1] ELSE [] END |
    MERGE (a)-[x:PRESENTED_AT]->(b) ON CREATE SET x.fact = rel.fact)
  FOREACH (_ IN CASE WHEN rel.type = 'RECEIVED' THEN [1] ELSE [] END |
    MERGE (a)-[x:RECEIVED]->(b) ON CREATE SET x.fact = rel.fact)
  FOREACH (_ IN CASE WHEN rel.type = 'COOPERATES_WITH' THEN [1] ELSE [] END |
    MERGE (a)-[x:COOPERATES_WITH]->(b) ON CREATE SET x.fact = rel.fact)
  WITH rel
  UNWIND rel.evidence AS stated
  CREATE (ev:Evidence {fact: rel.fact, report: stated.report, publishedAt: stated.publishedAt, source: rel.source,
                       target: rel.target, start: stated.start, `end`: stated.end, text: stated.text})
  SET ev.rank = __fragment:evidence-rank__
}
CALL () {
  UNWIND $load.reports AS load
  MATCH (r:Report {key: load.report})
  CALL (r, load) {
    MATCH (home:Province {key: load.reportProvinceKey})
    CREATE (r)-[:ABOUT]->(home)
  }
  CALL (r, load) {
    UNWIND load.statistics AS s
    CREATE (st:Statistic {key: s.key})
    SET st.metric = s.metric, st.value = s.value, st.unit = s.unit, st.qualifier = s.qualifier,
        st.period = s.period, st.year = s.year, st.province = s.province, st.report = load.report,
        st.evidence = s.evidence
    CREATE (r)-[:STATES]->(st)
    WITH st, s
    WHERE s.provinceKey IS NOT NULL
    MATCH (p:Entity {key: s.provinceKey})
    CREATE (st)-[:ABOUT]->(p)
  }
}
RETURN 1 AS loaded
