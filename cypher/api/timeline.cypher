// The dated meetings and awards involving an entity: those it is linked to, the ones held in
// it (a province), and itself (a meeting or award), oldest first. A link comes with its evidence:
// the sentences of the $evidenceLimit reports published last (its `Evidence` nodes), oldest first.
MATCH (x:Entity {key: $key})
CALL (x) {
  MATCH (x)-[r:ATTENDED|ORGANIZED|RECEIVED|AWARDED_BY|PRESENTED_AT]-(e:Entity)
  WHERE e.type IN ['Meeting', 'Award'] AND e.date IS NOT NULL
  RETURN e, type(r) AS relation, r {.*, fact: null, evidence: __fragment:evidence-recent__} AS props
  UNION ALL
  MATCH (x)<-[:LOCATED_IN]-(e:Entity)
  WHERE e.type IN ['Meeting', 'Award'] AND e.date IS NOT NULL
  RETURN e, 'LOCATED_IN' AS relation, {} AS props
  UNION ALL
  WITH x AS e
  WHERE e.type IN ['Meeting', 'Award'] AND e.date IS NOT NULL
  RETURN e, 'SELF' AS relation, {} AS props
}
RETURN e {.*, searchText: null} AS node, relation, props
ORDER BY e.date, e.type DESC, e.key, relation
LIMIT $limit
