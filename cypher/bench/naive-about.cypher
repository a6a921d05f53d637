// Naive loader (benchmark baseline): the report's province link, alone in its transaction.
MATCH (r:Report {key: $report})
MATCH (p:Province {key: $province})
MERGE (r)-[:ABOUT]->(p)
