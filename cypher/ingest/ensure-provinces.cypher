// Creates the 63 pre-merger and 34 post-merger provinces from the gazetteer and links each
// merged-away unit to the unit it joined on 1 Jul 2025, so figures roll up to today's map.
// Idempotent: run at every schema application.
UNWIND $provinces AS pr
MERGE (p:Entity:Province {key: pr.key})
ON CREATE SET p.type = 'Province', p.name = pr.name, p.shortName = pr.name, p.nameFolded = pr.nameFolded, p.province = pr.name,
              p.aliases = pr.aliases, p.searchText = trim(pr.nameFolded + ' ' + reduce(s = '', a IN pr.aliases | s + ' ' + a))
SET p.unitType = pr.unitType, p.era = pr.era
WITH count(*) AS provincesEnsured
UNWIND $mergers AS m
MATCH (old:Province {key: m.from})
MATCH (new:Province {key: m.to})
MERGE (old)-[r:MERGED_INTO]->(new)
ON CREATE SET r.date = $mergedOn, r.source = $source
