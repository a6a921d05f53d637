// Nodes per label combination (sorted, joined by ':'), to compare two loads of the same records.
MATCH (n)
UNWIND labels(n) AS label
WITH n, label ORDER BY label
WITH n, collect(label) AS labels
RETURN reduce(s = '', l IN labels | s + ':' + l) AS labels, count(*) AS count
ORDER BY labels
