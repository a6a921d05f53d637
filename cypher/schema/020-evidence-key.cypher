CREATE CONSTRAINT evidence_key IF NOT EXISTS FOR (n:Evidence) REQUIRE (n.fact, n.report) IS UNIQUE
