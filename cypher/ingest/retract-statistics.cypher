// Statistics belong to one report (their key carries it): they go with it (`$load.reports`).
MATCH (r:Report)-[:STATES]->(s:Statistic)
WHERE r.key IN $load.reports
DETACH DELETE s
