// The content hash of a loaded report, to skip an unchanged one without writing.
MATCH (r:Report {key: $key})
RETURN r.contentHash AS contentHash
