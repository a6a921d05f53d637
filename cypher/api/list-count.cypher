// How many nodes a root list's filter matches (same filter as list-page).
MATCH (n:__LABEL__)
WITH n,
     coalesce(n.nameFolded, toLower(n.title), n.key) AS sortName,
     coalesce(n.date, n.publishedAt, '') AS sortDate
WHERE ($name IS NULL OR sortName CONTAINS $name OR toLower(coalesce(n.name, n.title, '')) CONTAINS $nameLower)
  AND ($provinceKey IS NULL OR n.key = $provinceKey
       OR EXISTS { (n)-[:LOCATED_IN|ABOUT]->(:Province {key: $provinceKey}) })
  AND ($from IS NULL OR (sortDate <> '' AND sortDate >= $from))
  AND ($to IS NULL OR (sortDate <> '' AND sortDate <= $to))
  AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN count(n) AS total
