// Creates a report's statistics, stated by the report and about their province, so figures
// can be read per province and year (and rolled up along MERGED_INTO).
MATCH (r:Report {key: $report})
UNWIND $statistics AS s
CREATE (st:Statistic {key: s.key})
SET st.metric = s.metric, st.value = s.value, st.unit = s.unit, st.qualifier = s.qualifier,
    st.period = s.period, st.year = s.year, st.province = s.province, st.report = $report,
    st.evidence = s.evidence
CREATE (r)-[:STATES]->(st)
WITH st, s
WHERE s.provinceKey IS NOT NULL
MATCH (p:Province {key: s.provinceKey})
CREATE (st)-[:ABOUT]->(p)
