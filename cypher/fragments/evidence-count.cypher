// How many reports state relationship `r`: its `Evidence` nodes.
COUNT { MATCH (:Evidence {fact: r.fact}) }
