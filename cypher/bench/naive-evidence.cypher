// Naive loader (benchmark baseline): one relationship's evidence from one report, alone in its transaction.
MERGE (ev:Evidence {fact: $fact, report: $report})
SET ev += $properties
SET ev.rank = __fragment:evidence-rank__
