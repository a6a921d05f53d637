// Blocks until every index is online (or the time limit passes, which fails the call).
CALL db.awaitIndexes($seconds)
