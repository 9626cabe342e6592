package dev.bellwether.customers;

import java.util.UUID;

/**
 * An account or contact as a list of duplicates shows it.
 *
 * @param name the account's name or the contact's full name
 * @param detail the domain or city of an account; the e-mail address or phone number of a
 * contact, and its account
 * @param deleted in the recycle bin (merged away, or deleted)
 */
public record DuplicateRecord(UUID id, String name, String detail, UUID ownerId, boolean deleted) {

}
