// One page of a root list. `__LABEL__` is replaced by a label from the API's fixed list.
// Keyset paging on (sort value, key): every node appears exactly once, also when names tie.
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
WITH n, CASE WHEN $byDate THEN sortDate + '|' + sortName ELSE sortName END AS sortValue
WHERE $afterKey IS NULL
   OR ($descending AND (sortValue < $afterValue OR (sortValue = $afterValue AND n.key < $afterKey)))
   OR (NOT $descending AND (sortValue > $afterValue OR (sortValue = $afterValue AND n.key > $afterKey)))
RETURN sortValue,
       n {.*, text: null, searchText: null,
          type: coalesce(n.type, CASE WHEN n:Report THEN 'Report' ELSE 'Statistic' END)} AS node
ORDER BY CASE WHEN $descending THEN sortValue END DESC,
         CASE WHEN $descending THEN n.key END DESC,
         CASE WHEN NOT $descending THEN sortValue END,
         CASE WHEN NOT $descending THEN n.key END
LIMIT $limit
