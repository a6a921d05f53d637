// The nodes of a province or date-range selection: meetings and awards in the province and
// range, the entities directly linked to them, and (without a range) every entity of the province.
CALL () {
  MATCH (e:Entity)
  WHERE e.type IN ['Meeting', 'Award']
    AND ($provinceKey IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Province {key: $provinceKey}) })
    AND ($from IS NULL OR e.date >= $from)
    AND ($to IS NULL OR e.date <= $to)
  RETURN e
}
CALL (e) {
  RETURN e AS n
  UNION
  MATCH (e)-[r]-(n:Entity)
  WHERE type(r) IN $relTypes
  RETURN n
}
RETURN DISTINCT n.key AS key
UNION
MATCH (p:Province {key: $provinceKey})<-[:LOCATED_IN]-(n:Entity)
WHERE $from IS NULL AND $to IS NULL
RETURN DISTINCT n.key AS key
