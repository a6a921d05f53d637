// Creates a report or finds it, returning the content hash it had. When the hash differs the
// report's properties are set, which also takes its write lock: two loads of one report are
// serialised, and the second then finds the hash unchanged. An unchanged report is not written.
CYPHER replan=skip
MERGE (r:Report {key: $load.key})
WITH r, r.contentHash AS previous
FOREACH (_ IN CASE WHEN previous = $load.properties.contentHash THEN [] ELSE [1] END | SET r += $load.properties)
RETURN previous
