// Naive loader (benchmark baseline): one LOCATED_IN link, alone in its transaction.
MATCH (n:Entity {key: $key})
MATCH (p:Province {key: $province})
MERGE (n)-[:LOCATED_IN]->(p)
