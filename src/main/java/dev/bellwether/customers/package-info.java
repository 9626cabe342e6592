/**
 * Customers: accounts (the companies Bellwether's users sell to) and their contacts, with
 * list views, record pages, a recycle bin, and a
 * {@link dev.bellwether.platform.RecordChanged} event for every change. Everyone signed
 * in reads them; their owner, the owner's managers, sales administrators and
 * administrators change them ({@link dev.bellwether.customers.Accounts#ACCESS}).
 * <p>
 * Duplicates: {@link dev.bellwether.customers.CustomerDuplicates} finds candidate pairs
 * set-based, and by the same keys warns of the
 * {@link dev.bellwether.customers.PossibleDuplicate}s of a record being created;
 * {@link dev.bellwether.customers.CustomerMerges} merges two accounts or two contacts and
 * undoes a merge (tables {@code customer_merges} and {@code merge_moves}), other modules
 * moving their records on {@link dev.bellwether.customers.AccountsMerged} and
 * {@link dev.bellwether.customers.ContactsMerged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.bellwether.customers;
