package dev.bellwether.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a record an import writes comes from: the import (its source, kept on the
 * record), the old system's key, and the record's real dates from the file, so that
 * history stays history.
 *
 * @param importId the import
 * @param externalId the old system's id of the record, or {@code null}
 * @param createdAt when the record was created in the old system, or {@code null} for the
 * moment of the import
 * @param closedAt for a closed deal, when it was closed (won or lost), or {@code null}
 * for its close date
 */
public record ImportOrigin(UUID importId, String externalId, Instant createdAt, Instant closedAt) {

	public ImportOrigin {
		if (importId == null) {
			throw new IllegalArgumentException("An import origin names its import.");
		}
	}

	/**
	 * @return when the record was created, the moment of the import when the file does
	 * not say
	 */
	public Instant createdAt(Instant now) {
		return this.createdAt == null || this.createdAt.isAfter(now) ? now : this.createdAt;
	}

}
