// Creates or takes the write lock on a report, sets its properties and returns the hash it had:
// the lock serialises two loads of one report, the old hash tells whether to retract first.
MERGE (r:Report {key: $key})
WITH r, r.contentHash AS previous
SET r += $properties
RETURN previous
