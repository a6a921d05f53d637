// Removes a set of reports (`$load.reports`, with their `evidencePrefixes`) from the provenance of
// every relationship they state; relationships no other report states any more are deleted.
// Every relationship starts at an entity its report mentions, so following MENTIONS finds them all.
MATCH (r:Report)-[:MENTIONS]->(:Entity)-[rel]->()
WHERE r.key IN $load.reports AND any(k IN rel.reports WHERE k IN $load.reports)
WITH DISTINCT rel
SET rel.reports = [k IN rel.reports WHERE NOT k IN $load.reports],
    rel.evidence = [x IN coalesce(rel.evidence, []) WHERE none(p IN $load.evidencePrefixes WHERE x STARTS WITH p)]
WITH rel
WHERE size(rel.reports) = 0
DELETE rel
