CREATE INDEX evidence_report IF NOT EXISTS FOR (n:Evidence) ON (n.report)
