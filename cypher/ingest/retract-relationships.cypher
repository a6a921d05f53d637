// Removes a report from the provenance of every relationship it states; relationships no
// other report states any more are deleted. Every relationship starts at an entity its
// report mentions, so following MENTIONS finds them all.
MATCH (:Report {key: $report})-[:MENTIONS]->(:Entity)-[rel]->()
WHERE $report IN rel.reports
WITH DISTINCT rel
SET rel.reports = [k IN rel.reports WHERE k <> $report],
    rel.evidence = [x IN coalesce(rel.evidence, []) WHERE NOT x STARTS WITH $evidencePrefix]
WITH rel
WHERE size(rel.reports) = 0
DELETE rel
