CREATE INDEX entity_name_folded IF NOT EXISTS FOR (n:Entity) ON (n.nameFolded)
