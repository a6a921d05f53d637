// The distinct kinds of a label's nodes, so a kind filter can match them accent-insensitively.
MATCH (n:__LABEL__)
WHERE n.kind IS NOT NULL
RETURN DISTINCT n.kind AS kind
