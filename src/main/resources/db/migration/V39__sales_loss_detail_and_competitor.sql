-- Sales: why a deal was lost, in the customer's words when the loss-reason pick list's "Other" is
-- chosen (required then, kept only on lost deals), and the competitor a deal was up against (plain
-- text, any deal). Win/loss analytics group lost deals by reason, competitor and the stage they
-- were lost at.
alter table opportunities
    add column loss_reason_detail varchar(500),
    add column competitor varchar(200);
