// Naive loader (benchmark baseline): one province, alone in its transaction.
MERGE (p:Entity:Province {key: $key})
ON CREATE SET p.type = 'Province', p.name = $name, p.shortName = $name, p.nameFolded = $nameFolded, p.province = $name,
              p.aliases = [], p.searchText = $nameFolded
