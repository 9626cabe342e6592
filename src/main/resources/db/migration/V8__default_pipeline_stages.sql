-- The default pipeline. Administrators rename, reorder, re-weight, add and retire stages; a stage
-- in use is retired, never deleted.
insert into pipeline_stages (id, name, position, probability, forecast_category, outcome, created_at, updated_at) values
    ('01900000-0000-7000-8000-000000000001', 'Prospecting',    1,  10, 'PIPELINE',  'OPEN', now(), now()),
    ('01900000-0000-7000-8000-000000000002', 'Qualification',  2,  20, 'PIPELINE',  'OPEN', now(), now()),
    ('01900000-0000-7000-8000-000000000003', 'Needs Analysis', 3,  40, 'BEST_CASE', 'OPEN', now(), now()),
    ('01900000-0000-7000-8000-000000000004', 'Proposal',       4,  60, 'BEST_CASE', 'OPEN', now(), now()),
    ('01900000-0000-7000-8000-000000000005', 'Negotiation',    5,  80, 'COMMIT',    'OPEN', now(), now()),
    ('01900000-0000-7000-8000-000000000006', 'Closed Won',     6, 100, 'CLOSED',    'WON',  now(), now()),
    ('01900000-0000-7000-8000-000000000007', 'Closed Lost',    7,   0, 'OMITTED',   'LOST', now(), now());
