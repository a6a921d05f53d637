CREATE INDEX entity_date IF NOT EXISTS FOR (n:Entity) ON (n.date)
