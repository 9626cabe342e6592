package dev.bellwether.customers;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An account or contact that a record about to be created may duplicate, found by the
 * rules the nightly detection pairs records by ({@link CustomerDuplicates}).
 *
 * @param recordType {@code account} or {@code contact}
 * @param id the record; {@code null} when the user may not see it
 * @param name the account's name or the contact's full name; {@code null} when the user
 * may not see it
 * @param reason what they share, the strongest first, joined by {@code +}, as the
 * detection names it ({@code NAME+DOMAIN})
 * @param score how sure: 0 to 1, as the detection scores the pair
 * @param because the reason in words, naming only what the user typed ("same name, same
 * domain acme.com")
 */
public record PossibleDuplicate(String recordType, UUID id, String name, String reason, BigDecimal score,
		String because) {

	/** Whether the record is one the user may not see (only that it exists is said). */
	public boolean hidden() {
		return this.id == null;
	}

}
