// The evidence of relationship `r` (its `Evidence` nodes): every sentence, oldest report first
// (undated reports first), in the order of `evidence-recent`.
COLLECT {
  MATCH (ev:Evidence)
  USING INDEX ev:Evidence(fact)
  WHERE ev.fact = r.fact
  WITH ev ORDER BY coalesce(ev.publishedAt, ''), ev.report
  RETURN ev {.report, .start, .end, .text}
}
