// Naive loader (benchmark baseline): the report node, alone in its transaction.
MERGE (r:Report {key: $key})
SET r += $properties
