// The normalised texts of reports, by key.
UNWIND $keys AS key
MATCH (r:Report {key: key})
RETURN key, r.text AS text
