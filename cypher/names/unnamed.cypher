// Nodes loaded before they carried a full name and `shortName` (`src/graph/full-names.ts`), at most
// $batch: what their full name is made of. A node of one report only (`?:report:` in its key)
// brings that report's title; an award without a day brings its meeting's.
MATCH (n:Entity)
WHERE n.shortName IS NULL
WITH n LIMIT $batch
OPTIONAL MATCH (r:Report)-[:MENTIONS]->(n) WHERE n.key CONTAINS '?:report:'
WITH n, head(collect(r.title)) AS report
OPTIONAL MATCH (n)-[:PRESENTED_AT]->(m:Meeting)
WITH n, report, head(collect(m.date)) AS meetingDate
RETURN n.key AS key, n.type AS type, n.name AS name, n.province AS province,
       coalesce(n.date, meetingDate) AS date, report, coalesce(n.aliases, []) AS aliases
