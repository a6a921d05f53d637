// The normalised texts of reports, by key ($batch.keys: see nodes-by-key).
UNWIND $batch.keys AS key
MATCH (r:Report {key: key})
RETURN key, r.text AS text
