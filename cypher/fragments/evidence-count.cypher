// How many reports state relationship `r`: its `Evidence` nodes.
// The index is named (as in every evidence read): the planner's own choice rests on index samples,
// which a bulk load leaves stale, and a scan of all evidence per relationship is what it risks.
COUNT {
  MATCH (ev:Evidence)
  USING INDEX ev:Evidence(fact)
  WHERE ev.fact = r.fact
}
