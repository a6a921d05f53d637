// Shortest paths between two entities over the relationships reports state (not through
// Report or Province hubs). `__MAX__` is replaced by the validated maximum length (1–6).
// Of a relationship's evidence (its `Evidence` nodes) only the $evidenceLimit sentences of the reports
// published last, oldest first, when $withEvidence; the count of all when $withEvidenceCount.
MATCH (a:Entity {key: $from})
MATCH (b:Entity {key: $to})
MATCH p = allShortestPaths((a)-[:ORGANIZED|ATTENDED|HOLDS_POSITION|AWARDED_BY|PRESENTED_AT|RECEIVED|COOPERATES_WITH*..__MAX__]-(b))
RETURN [n IN nodes(p) | n {.*, searchText: null}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).key, props: r {.*, fact: null, evidence: CASE WHEN $withEvidence THEN __fragment:evidence-recent__ ELSE [] END,
                                                                                                evidenceCount: CASE WHEN $withEvidenceCount THEN __fragment:evidence-count__ END}}] AS rels
LIMIT $limit
