// Entities, reports and statistics by key, for the per-request node loader.
// A report's text is left out (fetched apart by report-texts) to keep rows small.
// Lists come inside the map $batch: Neo4j plans a statement again (seconds for this one) for each
// new size class of a list parameter, which batches of every size would keep hitting.
UNWIND $batch.keys AS key
CALL (key) {
  MATCH (n:Entity {key: key})
  RETURN n
  UNION
  MATCH (n:Report {key: key})
  RETURN n
  UNION
  MATCH (n:Statistic {key: key})
  RETURN n
}
RETURN key,
       n {.*, text: null, searchText: null,
          type: coalesce(n.type, CASE WHEN n:Report THEN 'Report' ELSE 'Statistic' END)} AS node
