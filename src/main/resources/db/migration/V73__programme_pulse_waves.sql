-- Issue 18, item 7: pulse results by rollout wave. An answer keeps the wave its person
-- was in when they answered, the same way it keeps their team (never the person); a
-- planned wave deleted later leaves its answers without a wave.
alter table programme_survey_answers
    add column wave_id uuid references programme_waves (id) on delete set null;
