// Sets the full names computed for `names/unnamed`: the short form kept as `shortName` and among
// the searchable spellings.
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
SET n.shortName = row.shortName, n.name = row.name, n.nameFolded = row.nameFolded, n.aliases = row.aliases,
    n.searchText = trim(row.nameFolded + ' ' + reduce(s = '', a IN row.aliases | s + ' ' + a))
RETURN count(n) AS changed
