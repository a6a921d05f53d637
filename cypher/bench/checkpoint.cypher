// Writes every committed change to the store files now: a procedure of hoptac's local Neo4j
// launcher (neo4j/), for Community has no `db.checkpoint()`.
CALL hoptac.checkpoint() YIELD transactionId
RETURN transactionId
