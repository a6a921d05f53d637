CREATE INDEX report_province IF NOT EXISTS FOR (n:Report) ON (n.province)
