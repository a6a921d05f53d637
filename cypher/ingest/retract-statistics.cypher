// Statistics belong to one report (their key carries it): they go with it.
MATCH (:Report {key: $report})-[:STATES]->(s:Statistic)
DETACH DELETE s
