// Relationships of many nodes at once (one per loader request, $batch.requests): the relationship
// and the node at its other end, optionally only of some types and dates, sorted, at most `limit`
// per request.
// Of a relationship's evidence (its `Evidence` nodes) only the $evidenceLimit sentences of the reports
// published last, oldest first, with the count of all.
// Lists come inside the map $batch: Neo4j plans a statement again (seconds for this one) for each
// new size class of a list parameter, which batches of every size would keep hitting.
UNWIND $batch.requests AS req
CALL (req) {
  MATCH (n:Entity {key: req.key})
  RETURN n
  UNION
  MATCH (n:Report {key: req.key})
  RETURN n
  UNION
  MATCH (n:Statistic {key: req.key})
  RETURN n
}
CALL (n, req) {
  __fragment:expand-request__
}
WITH req, n, r, m,
     coalesce(m.type, CASE WHEN m:Report THEN 'Report' WHEN m:Statistic THEN 'Statistic' ELSE 'Province' END) AS otherType,
     coalesce(m.date, m.publishedAt, m.period) AS otherDate
WHERE (req.types IS NULL OR otherType IN req.types)
  AND (req.from IS NULL OR otherDate >= req.from)
  AND (req.to IS NULL OR otherDate <= req.to)
WITH req, n, r, m, otherType, otherDate
ORDER BY req.id,
         CASE WHEN req.order = 'date' THEN coalesce(otherDate, '') END DESC,
         coalesce(m.nameFolded, m.title, m.name, m.key),
         m.key
WITH req, collect({r: r, outgoing: startNode(r) = n, node: m {.*, text: null, searchText: null, type: otherType}}) AS rows
// Evidence only for the rows kept.
UNWIND rows[0..req.limit] AS row
WITH req, row, row.r AS r
RETURN req.id AS id,
       collect({type: type(r), outgoing: row.outgoing, node: row.node,
                props: r {.*, fact: null, evidence: CASE WHEN req.evidence THEN __fragment:evidence-recent__ ELSE [] END,
                          evidenceCount: CASE WHEN req.evidence THEN __fragment:evidence-count__ ELSE 0 END}}) AS rows
