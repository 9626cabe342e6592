package dev.bellwether.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal access tokens for the API ({@code Authorization: Bearer bw_...}). A token is
 * 256 random bits; only its SHA-256 hash is stored, which is enough for a secret that
 * cannot be guessed (a slow password hash would only slow every API call down).
 */
@Service
public class ApiTokens {

	static final String PREFIX = "bw_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token that was just created, with its secret: the only time the secret is
	 * available.
	 */
	public record CreatedToken(ApiToken token, String secret) {
	}

	@Transactional
	public CreatedToken create(UUID userId, String name, Integer validForDays) {
		if (!StringUtils.hasText(name)) {
			throw new InvalidInputException("name",
					"Give the token a name that says what uses it, e.g. 'Reporting script'.");
		}
		if (name.trim().length() > 80) {
			throw new InvalidInputException("name", "Keep the name to 80 characters.");
		}
		if (validForDays != null && (validForDays < 1 || validForDays > 3650)) {
			throw new InvalidInputException("validForDays",
					"A token can be valid for 1 to 3650 days, or leave it empty for no expiry.");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		Instant expiresAt = validForDays == null ? null : now.plus(Duration.ofDays(validForDays));
		this.jdbc.sql("""
				insert into api_tokens (id, user_id, name, token_hash, token_prefix, created_at, expires_at)
				values (:id, :userId, :name, :hash, :prefix, :now, :expiresAt)
				""")
			.param("id", id)
			.param("userId", userId)
			.param("name", name.trim())
			.param("hash", hash(secret))
			.param("prefix", secret.substring(0, 10))
			.param("now", utc(now))
			.param("expiresAt", expiresAt == null ? null : utc(expiresAt))
			.update();
		return new CreatedToken(new ApiToken(id, name.trim(), secret.substring(0, 10), now, expiresAt, null, null),
				secret);
	}

	public List<ApiToken> listOf(UUID userId) {
		return this.jdbc.sql("select * from api_tokens where user_id = :userId order by created_at desc")
			.param("userId", userId)
			.query(ApiTokens::map)
			.list();
	}

	@Transactional
	public void revoke(UUID userId, UUID tokenId) {
		int revoked = this.jdbc.sql("""
				update api_tokens set revoked_at = coalesce(revoked_at, :now) where id = :id and user_id = :userId
				""").param("now", utc(this.clock.instant())).param("id", tokenId).param("userId", userId).update();
		if (revoked == 0) {
			throw new RecordNotFoundException("API token", tokenId);
		}
	}

	/**
	 * @return the token's owner, if the token exists, is neither revoked nor expired, and
	 * its owner is active
	 */
	// no transaction: one look-up, and now and then a last-used time written on its own
	// (every API call pays for a transaction's extra round trip to the database)
	public Optional<BellwetherPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		record Found(UUID tokenId, Instant lastUsedAt, BellwetherPrincipal principal) {
		}
		Optional<Found> found = this.jdbc.sql("""
				select t.id as token_id, t.last_used_at, u.id, u.username, u.full_name, u.role
				from api_tokens t join users u on u.id = t.user_id
				where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)
				  and u.active
				""").param("hash", hash(secret)).param("now", utc(now)).query((rs, n) -> {
			OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
			return new Found(rs.getObject("token_id", UUID.class), lastUsed == null ? null : lastUsed.toInstant(),
					new BellwetherPrincipal(rs.getObject("id", UUID.class), rs.getString("username"),
							rs.getString("full_name"), Role.valueOf(rs.getString("role")), true, null, null));
		}).optional();
		found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
			.ifPresent(f -> this.jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
				.param("now", utc(now))
				.param("id", f.tokenId())
				.update());
		return found.map(Found::principal);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
