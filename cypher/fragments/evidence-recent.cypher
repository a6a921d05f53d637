// The evidence of relationship `r` (its `Evidence` nodes): the sentences of the $evidenceLimit
// reports published last (undated reports count as oldest), oldest first. Read from the end of
// the (fact, rank) index, so a fact stated in thousands of reports costs what the limit allows.
reverse(COLLECT {
  MATCH (ev:Evidence)
  USING INDEX ev:Evidence(fact, rank)
  WHERE ev.fact = r.fact AND ev.rank >= ''
  WITH ev ORDER BY ev.fact DESC, ev.rank DESC LIMIT $evidenceLimit
  RETURN ev {.report, .start, .end, .text}
})
