// Naive loader (benchmark baseline): one STATES link, alone in its transaction.
MATCH (r:Report {key: $report})
MATCH (st:Statistic {key: $key})
MERGE (r)-[:STATES]->(st)
