-- Service: the indexes the service overview (docs/service.md, "Service home page and executive
-- view") counts SLA attainment with, at a million cases: a target met counts when it was met
-- (completed_at), one breached when its due instant passed (breached_at, or due_at while the
-- clock still runs and the sweep has not marked it yet). The metric and the case are in the
-- index, so the counts are index-only scans.
create index case_sla_clocks_met_idx on case_sla_clocks (completed_at) include (metric, case_id)
    where state = 'MET';
create index case_sla_clocks_breached_idx on case_sla_clocks ((coalesce(breached_at, due_at)))
    include (metric, case_id) where state <> 'MET';
