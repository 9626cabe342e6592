/**
 * Data quality: the sales administrator's desk — completeness of records, duplicates and
 * their merge, broken records, and the steward queue (issue #15).
 * <p>
 * Owns {@code duplicate_pairs}: the candidate duplicate accounts and contacts
 * {@link dev.bellwether.dataquality.Duplicates} finds every night (through
 * {@link dev.bellwether.customers.CustomerDuplicates}, which owns the SQL over those
 * tables) and the steward's "not a duplicate" decisions. Merging is
 * {@link dev.bellwether.customers.CustomerMerges}'; this module follows it through its
 * events. See docs/data-quality.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data quality")
package dev.bellwether.dataquality;
