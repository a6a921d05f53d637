// Every cooperative's key in key order: the benchmark spreads its candidate centres and path
// ends over this list.
MATCH (c:Cooperative)
RETURN c.key AS key
ORDER BY key
