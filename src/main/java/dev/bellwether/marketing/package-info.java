/**
 * Marketing: leads — the people and companies marketing brings in before sales works them
 * — with list views, record pages, a recycle bin, and a
 * {@link dev.bellwether.platform.RecordChanged} event for every change (table
 * {@code leads}). A lead moves NEW → WORKING → QUALIFIED or DISQUALIFIED (with a reason
 * from the {@code lead-disqualify-reason} pick list; see
 * {@link dev.bellwether.marketing.LeadStatus}). Leads follow the owner-chain visibility
 * of deals: their owner and the owner's managers see and change them; marketing, sales
 * administrators, executives and administrators see them all
 * ({@link dev.bellwether.marketing.Leads#ACCESS}).
 * <p>
 * Also: conversion into an account, contact and deal
 * ({@link dev.bellwether.marketing.LeadConversions}); campaigns with their costs and
 * members (tables {@code campaigns}, {@code campaign_costs}, {@code campaign_members});
 * and campaign attribution and ROI ({@link dev.bellwether.marketing.CampaignAttribution},
 * over {@link dev.bellwether.marketing.Attribution}'s models), which learns about deals
 * and contacts only through the sales and customers modules' public APIs; the funnel and
 * hand-off ({@link dev.bellwether.marketing.MarketingFunnel}: Lead → MQL → SQL →
 * Opportunity → Customer with its leaks); and speed to lead
 * ({@link dev.bellwether.marketing.SpeedToLead}, tables {@code lead_response_targets} and
 * {@code lead_response_breaches}): response times against a target per source in the
 * company's business hours, with breach alerts through the notifications module. Lead
 * assignment rules and each lead's assignment log (tables {@code lead_assignment_rules},
 * {@code lead_assignments}; {@link dev.bellwether.marketing.LeadAssignment}); and
 * {@link dev.bellwether.marketing.LeadAccess}, leads' visibility for activities logged on
 * them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Marketing")
package dev.bellwether.marketing;
