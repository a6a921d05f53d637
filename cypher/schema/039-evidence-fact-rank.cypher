// A relationship's evidence in report order (`evidence-rank`): the latest sentences of a fact
// that thousands of reports state are the first entries of this index, not a sort of them all.
CREATE INDEX evidence_fact_rank IF NOT EXISTS FOR (n:Evidence) ON (n.fact, n.rank)
