// Every entity of the graph, for whole-graph exports.
MATCH (n:Entity)
RETURN n {.*, searchText: null} AS node
ORDER BY n.key
