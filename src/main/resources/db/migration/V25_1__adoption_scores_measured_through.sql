-- The last day an adoption score measured (docs/adoption-metrics.md, "Partial periods"): before
-- its period's end, the score is partial (month or quarter to date). Scores stored earlier
-- measured up to the day they were computed, at most to the period's end.
alter table adoption_scores add column measured_through date;

update adoption_scores
set measured_through = least(
    (period_start + case when period_kind = 'MONTH' then interval '1 month' else interval '3 months' end
        - interval '1 day')::date,
    (computed_at at time zone 'UTC')::date);

alter table adoption_scores alter column measured_through set not null;
