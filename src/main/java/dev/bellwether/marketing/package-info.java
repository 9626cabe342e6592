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
 * Conversion into an account, contact and deal, assignment rules, web-to-lead and
 * campaigns come later (docs/marketing.md); the conversion columns are there already.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Marketing")
package dev.bellwether.marketing;
