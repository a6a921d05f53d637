// Creates each report of a group or finds it, returning the content hash it had. When the hash
// differs the report's properties are set, which also takes its write lock: two loads of one
// report are serialised, and the second then finds the hash unchanged. An unchanged report is
// not written.
CYPHER replan=skip
UNWIND $load.reports AS report
MERGE (r:Report {key: report.key})
WITH r, report, r.contentHash AS previous
FOREACH (_ IN CASE WHEN previous = report.properties.contentHash THEN [] ELSE [1] END | SET r += report.properties)
RETURN report.key AS key, previous
