// The sort key of `Evidence` node `ev`: its report's publication date, then the report's key,
// one string (undated reports first, as oldest). A date is YYYY-MM-DD and holds no space, so
// the string orders as the pair does, and the index on (fact, rank) lists a relationship's
// evidence in that order: the latest sentences are read without sorting all of them.
coalesce(ev.publishedAt, '') + ' ' + ev.report
