// Naive loader (benchmark baseline): one MENTIONS link, alone in its transaction.
MATCH (r:Report {key: $report})
MATCH (n:Entity {key: $key})
MERGE (r)-[m:MENTIONS]->(n)
SET m.spans = $spans
