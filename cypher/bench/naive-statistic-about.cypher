// Naive loader (benchmark baseline): a statistic's province link, alone in its transaction.
MATCH (st:Statistic {key: $key})
MATCH (p:Province {key: $province})
MERGE (st)-[:ABOUT]->(p)
