CREATE INDEX report_published_at IF NOT EXISTS FOR (n:Report) ON (n.publishedAt)
