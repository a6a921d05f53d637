// Nodes and the relationship fields queries ask of them, two levels deep, in one statement (the
// prefetch of `node(id)`, for every such request that arrives at once): each of $batch.items is an
// `id`, a node `key` with its `requests`, the fields of the node (applied when its type is
// `onType`), each with `children`, the fields of the nodes at their other ends (applied to those
// of type `onType`).
// Each request reads like `relations.cypher`: the relationship and the node at its other end,
// optionally only of some types and dates, sorted, at most `limit`. One row per item whose node
// exists, none for the others; a request that applied and found nothing may have no entry.
// Of a relationship's evidence (its `Evidence` nodes) only the $evidenceLimit sentences of the reports
// published last, oldest first, with the count of all; read only for the rows kept.
// Lists come inside the map $batch: Neo4j plans a statement again (seconds for this one) for each
// new size class of a list parameter, which batches of every size would keep hitting.
UNWIND $batch.items AS item
CALL (item) {
  MATCH (n:Entity {key: item.key})
  RETURN n
  UNION
  MATCH (n:Report {key: item.key})
  RETURN n
  UNION
  MATCH (n:Statistic {key: item.key})
  RETURN n
}
WITH item, n, coalesce(n.type, CASE WHEN n:Report THEN 'Report' ELSE 'Statistic' END) AS nodeType
CALL (item, n, nodeType) {
  UNWIND item.requests AS req
  WITH n, req
  WHERE req.onType = nodeType
  CALL (n, req) {
    CALL (n, req) {
      __fragment:expand-request__
    }
    WITH n, req, r, m,
         coalesce(m.type, CASE WHEN m:Report THEN 'Report' WHEN m:Statistic THEN 'Statistic' ELSE 'Province' END) AS otherType,
         coalesce(m.date, m.publishedAt, m.period) AS otherDate
    WHERE (req.types IS NULL OR otherType IN req.types)
      AND (req.from IS NULL OR otherDate >= req.from)
      AND (req.to IS NULL OR otherDate <= req.to)
    WITH n, req, r, m, otherType, otherDate
    ORDER BY CASE WHEN req.order = 'date' THEN coalesce(otherDate, '') END DESC,
             coalesce(m.nameFolded, m.title, m.name, m.key),
             m.key
    RETURN collect({r: r, outgoing: startNode(r) = n, node: m {.*, text: null, searchText: null, type: otherType},
                    end: m, endType: otherType}) AS found
  }
  WITH req, found[0..req.limit] AS found
  CALL (req, found) {
    UNWIND found AS f
    WITH req, f, f.r AS r
    RETURN collect({type: type(r), outgoing: f.outgoing, node: f.node,
                    props: r {.*, fact: null, evidence: CASE WHEN req.evidence THEN __fragment:evidence-recent__ ELSE [] END,
                          evidenceCount: CASE WHEN req.evidence THEN __fragment:evidence-count__ ELSE 0 END}}) AS rows
  }
  WITH req, rows, [f IN found | [f.end, f.endType]] AS ends
  CALL (req, ends) {
    UNWIND req.children AS child
    UNWIND ends AS end
    WITH child, end
    WHERE child.onType = end[1]
    WITH child, end[0] AS e
    CALL (child, e) {
      CALL (child, e) {
        WITH child AS req, e AS n
        CALL (n, req) {
          __fragment:expand-request__
        }
        RETURN r, m
      }
      WITH child, e, r, m,
           coalesce(m.type, CASE WHEN m:Report THEN 'Report' WHEN m:Statistic THEN 'Statistic' ELSE 'Province' END) AS otherType,
           coalesce(m.date, m.publishedAt, m.period) AS otherDate
      WHERE (child.types IS NULL OR otherType IN child.types)
        AND (child.from IS NULL OR otherDate >= child.from)
        AND (child.to IS NULL OR otherDate <= child.to)
      WITH child, e, r, m, otherType, otherDate
      ORDER BY CASE WHEN child.order = 'date' THEN coalesce(otherDate, '') END DESC,
               coalesce(m.nameFolded, m.title, m.name, m.key),
               m.key
      RETURN collect({r: r, outgoing: startNode(r) = e, node: m {.*, text: null, searchText: null, type: otherType}}) AS found
    }
    CALL (child, found) {
      UNWIND found[0..child.limit] AS f
      WITH child, f, f.r AS r
      RETURN collect({type: type(r), outgoing: f.outgoing, node: f.node,
                      props: r {.*, fact: null, evidence: CASE WHEN child.evidence THEN __fragment:evidence-recent__ ELSE [] END,
                          evidenceCount: CASE WHEN child.evidence THEN __fragment:evidence-count__ ELSE 0 END}}) AS childRows
    }
    RETURN collect({id: child.id, key: e.key, rows: childRows}) AS nested
  }
  RETURN collect({id: req.id, rows: rows}) AS level1, collect(nested) AS level2
}
RETURN item.id AS id, n {.*, text: null, searchText: null, type: nodeType} AS node, level1,
       reduce(all = [], list IN level2 | all + list) AS level2
