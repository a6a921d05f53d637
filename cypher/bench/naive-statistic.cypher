// Naive loader (benchmark baseline): one statistic node, alone in its transaction.
MERGE (st:Statistic {key: $key})
SET st += $properties
