CREATE INDEX entity_province IF NOT EXISTS FOR (n:Entity) ON (n.province)
