// Of the candidate cooperatives, those whose depth-2 neighbourhood (over the actor relationships)
// is complete within hoptac's node limit, so both servers return the same nodes: centres for
// the neighbourhood query, in key order.
UNWIND $keys AS key
MATCH (c:Cooperative {key: key})
CALL (c) {
  MATCH (c)-[r1]-(a:Entity)
  WHERE type(r1) IN $relTypes
  OPTIONAL MATCH (a)-[r2]-(b:Entity)
  WHERE type(r2) IN $relTypes
  RETURN count(DISTINCT a) + count(DISTINCT b) AS size
}
WITH c, size
WHERE size >= $minSize AND size <= $maxSize
RETURN c.key AS key, size
ORDER BY key
