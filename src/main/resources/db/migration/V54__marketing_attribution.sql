-- Marketing: what the attribution and ROI report looks up by set (docs/marketing.md, "Attribution and ROI").

-- the leads converted into the period's deals
create index leads_converted_opportunity_idx on leads (converted_opportunity_id)
    where converted_opportunity_id is not null;

-- the lead members added to campaigns in the period, counted per campaign without reading the table
create index campaign_members_lead_added_idx on campaign_members (created_at) include (campaign_id, member_id)
    where member_type = 'LEAD';
