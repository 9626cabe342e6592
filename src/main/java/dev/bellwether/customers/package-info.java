/**
 * Customers: accounts (the companies Bellwether's users sell to) and their contacts, with
 * list views, record pages, a recycle bin, and a
 * {@link dev.bellwether.platform.RecordChanged} event for every change. Everyone signed
 * in reads them; their owner, the owner's managers, sales administrators and
 * administrators change them ({@link dev.bellwether.customers.Accounts#ACCESS}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.bellwether.customers;
