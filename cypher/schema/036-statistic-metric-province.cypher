CREATE INDEX statistic_metric_province IF NOT EXISTS FOR (n:Statistic) ON (n.metric, n.province, n.year)
