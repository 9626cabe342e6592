/**
 * Data quality: the sales administrator's desk — completeness of records, duplicates and
 * their merge, broken records, and the steward queue (issue #15).
 * <p>
 * Owns {@code duplicate_pairs}: the candidate duplicate accounts and contacts
 * {@link dev.bellwether.dataquality.Duplicates} finds every night (through
 * {@link dev.bellwether.customers.CustomerDuplicates}, which owns the SQL over those
 * tables) and the steward's "not a duplicate" decisions. Merging is
 * {@link dev.bellwether.customers.CustomerMerges}'; this module follows it through its
 * events.
 * <p>
 * The desk: {@link dev.bellwether.dataquality.CompletenessRules} ({@code quality_rules}),
 * {@link dev.bellwether.dataquality.QualityMeasurement} (scores every record from the
 * facts {@link dev.bellwether.customers.CustomerQualityFacts} and
 * {@link dev.bellwether.sales.DealQualityFacts} read set-based, writes the daily
 * {@code quality_snapshots} and re-evaluates {@code quality_issues}, nightly and on
 * demand), {@link dev.bellwether.dataquality.QualityScores} (scores and trends by team
 * and owner; the home pages' cards) and {@link dev.bellwether.dataquality.StewardQueue}
 * (the issues, assignment, "ask the owner" through the notifications module, kept in
 * {@code quality_requests}). See docs/data-quality.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data quality")
package dev.bellwether.dataquality;
