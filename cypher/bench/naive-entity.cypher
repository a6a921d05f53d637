// Naive loader (benchmark baseline): one entity, alone in its transaction. The label placeholder is
// replaced by an entity type from the record contract's fixed list, never by input text.
MERGE (n:Entity:__LABEL__ {key: $key})
ON CREATE SET n.type = $type, n.name = $name, n.shortName = $shortName, n.nameFolded = $nameFolded, n.province = $province,
              n.date = $date, n.kind = $kind, n.attributes = $attributes, n.aliases = $aliases,
              n.searchText = trim($nameFolded + ' ' + reduce(s = '', a IN $aliases | s + ' ' + a))
