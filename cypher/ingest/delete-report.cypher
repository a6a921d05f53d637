// Deletes a report node once its facts are retracted.
MATCH (r:Report {key: $report})
DETACH DELETE r
RETURN count(*) AS deleted
