// Full-text search over folded names and aliases. `whitespace` keeps every folded word
// (`standard-folding` drops English stop words such as "an", "at" that folded Vietnamese
// words collide with). Eventually consistent: a commit does not wait for Lucene, which
// keeps ingest fast; a just-loaded name is searchable a moment later.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true } }
