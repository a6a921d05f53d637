// The evidence of relationship `r` (its `Evidence` nodes): the sentences of the $evidenceLimit
// reports published last (undated reports count as oldest), oldest first.
reverse(COLLECT {
  MATCH (ev:Evidence {fact: r.fact})
  WITH ev ORDER BY coalesce(ev.publishedAt, '') DESC, ev.report DESC LIMIT $evidenceLimit
  RETURN ev {.report, .start, .end, .text}
})
