package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;

/**
 * An entry of the steward queue: one kind of problem with one record (for a duplicate,
 * one pair: {@code recordId} is the pair's id), with who works on it and whether its
 * owner was asked to fix it.
 *
 * @param fixedAt when a measurement first no longer found it; {@code null} while open
 * @param askedAt when its owner was last asked to fix it
 * @param askedCount how often its owner was asked
 */
public record QualityIssue(UUID id, QualityIssueKind kind, String recordType, UUID recordId, String recordName,
		UUID ownerId, String ownerName, String detail, BigDecimal score, Instant firstFoundAt, Instant lastFoundAt,
		Instant fixedAt, UUID assigneeId, String assigneeName, Instant assignedAt, Instant askedAt, UUID askedBy,
		int askedCount, long version) {

	public boolean isOpen() {
		return this.fixedAt == null;
	}

	/**
	 * @return whether it was fixed after its owner was asked
	 */
	public boolean fixedAfterAsking() {
		return this.fixedAt != null && this.askedAt != null && !this.fixedAt.isBefore(this.askedAt);
	}

	/**
	 * @return where to fix it: the record's edit page, or the pair's compare page
	 */
	public String fixLink() {
		return this.kind == QualityIssueKind.DUPLICATE ? "/data-quality/duplicates/" + this.recordId
				: editLink(this.recordType, this.recordId);
	}

	/**
	 * @return the record's page, or the pair's compare page
	 */
	public String recordLink() {
		return this.kind == QualityIssueKind.DUPLICATE ? "/data-quality/duplicates/" + this.recordId
				: pageOf(this.recordType, this.recordId);
	}

	public String recordTypeLabel() {
		return switch (this.recordType) {
			case Accounts.RECORD_TYPE -> "Account";
			case Contacts.RECORD_TYPE -> "Contact";
			default -> "Deal";
		};
	}

	static String pageOf(String recordType, UUID id) {
		return switch (recordType) {
			case Accounts.RECORD_TYPE -> "/accounts/" + id;
			case Contacts.RECORD_TYPE -> "/contacts/" + id;
			default -> "/opportunities/" + id;
		};
	}

	static String editLink(String recordType, UUID id) {
		return pageOf(recordType, id) + "/edit";
	}

}
