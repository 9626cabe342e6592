package dev.bellwether.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal access token as its owner sees it in the list: never the secret itself,
 * which is shown once when the token is created and stored only as a hash.
 */
public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean isUsable(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

	/**
	 * @return "Active", "Revoked" or "Expired", as the token list shows it
	 */
	public String status(Instant now) {
		if (this.revokedAt != null) {
			return "Revoked";
		}
		return isUsable(now) ? "Active" : "Expired";
	}

}
