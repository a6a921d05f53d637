CREATE INDEX evidence_fact IF NOT EXISTS FOR (n:Evidence) ON (n.fact)
