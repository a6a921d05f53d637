// COOPERATES_WITH relationships, optionally with an end in a province and stated by a report
// published in a date range (reports without a publication day count as in range only when no range is asked).
MATCH (a:Entity)-[r:COOPERATES_WITH]->(b:Entity)
WHERE ($provinceKey IS NULL
       OR EXISTS { (a)-[:LOCATED_IN]->(:Province {key: $provinceKey}) }
       OR EXISTS { (b)-[:LOCATED_IN]->(:Province {key: $provinceKey}) })
  AND (($from IS NULL AND $to IS NULL)
       OR EXISTS {
         MATCH (ev:Evidence)
         USING INDEX ev:Evidence(fact)
         WHERE ev.fact = r.fact
           AND ev.publishedAt IS NOT NULL
           AND ($from IS NULL OR ev.publishedAt >= $from)
           AND ($to IS NULL OR ev.publishedAt <= $to)
       })
RETURN a.key AS source, b.key AS target, type(r) AS type, r {.*, fact: null, evidence: __fragment:evidence-all__} AS props
