// The statistics about a province, or (rolled up) about today's province it belongs to and
// every pre-2025 province merged into that one, with the stating report's publication day.
MATCH (asked:Province {key: $provinceKey})
OPTIONAL MATCH (asked)-[:MERGED_INTO]->(newer:Province)
WITH CASE WHEN $rollUp THEN coalesce(newer, asked) ELSE asked END AS today
CALL (today) {
  RETURN today AS p
  UNION
  MATCH (old:Province)-[:MERGED_INTO]->(today)
  WHERE $rollUp
  RETURN old AS p
}
WITH today, collect(p) AS provinces
UNWIND provinces AS p
OPTIONAL MATCH (s:Statistic)-[:ABOUT]->(p)
WHERE $metric IS NULL OR s.metric = $metric
OPTIONAL MATCH (rep:Report)-[:STATES]->(s)
RETURN today.name AS today, [q IN provinces | q.name] AS provinces, p.name AS province,
       s {.*, type: 'Statistic'} AS statistic, rep.key AS report, rep.publishedAt AS publishedAt
