package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.customers.DuplicateRecord;

/**
 * Two records that look like the same company or person, as the detection found them.
 *
 * @param a the first record as shown (name, detail), {@code null} when it is gone
 * @param b the second
 * @param reason what they share, strongest first ({@code NAME+DOMAIN})
 * @param score 0 to 1
 */
public record DuplicatePair(UUID id, String recordType, UUID aId, UUID bId, DuplicateRecord a, DuplicateRecord b,
		String reason, BigDecimal score, DuplicateStatus status, Instant foundAt, UUID mergeId) {

	public DuplicatePair withRecords(DuplicateRecord a, DuplicateRecord b) {
		return new DuplicatePair(this.id, this.recordType, this.aId, this.bId, a, b, this.reason, this.score,
				this.status, this.foundAt, this.mergeId);
	}

	/** The reasons as people read them. */
	public String reasonText() {
		return String.join(", ", Arrays.stream(this.reason.split("\\+")).map(reason -> switch (reason) {
			case "NAME" -> "same name";
			case "DOMAIN" -> "same domain";
			case "SIMILAR_NAME" -> "similar name";
			case "EMAIL" -> "same e-mail";
			case "NAME_IN_ACCOUNT" -> "same name at the account";
			case "PHONE" -> "same phone";
			default -> reason.toLowerCase(Locale.ROOT);
		}).toList());
	}

}
