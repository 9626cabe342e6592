package dev.bellwether.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.RecordChanged;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Passwords verified a moment ago, so that an API client sending HTTP Basic on every
 * request pays for Argon2 once every few minutes rather than on every call (about 45 ms
 * of CPU each time, against about 1 ms for the rest of the request).
 * <p>
 * Nothing here can give a password back or be checked offline faster than the stored
 * Argon2 hash: the key is an HMAC-SHA256 of the username and password under a random key
 * that lives only in this process's memory, and the value is the user's id and an HMAC of
 * the stored password hash (the credential as it was when the password was verified).
 * Only a successful verification is remembered. A remembered credential counts only while
 * the user, loaded afresh on every request, still has that id and that password hash, and
 * is active and not locked (the provider checks that); entries are also dropped whenever
 * the user directory changes the user (password, role, deactivation) and when a sign-in
 * as that username fails, so a lockout is never bypassed. A change made on another node
 * takes effect here on the next request all the same, because the password hash is
 * compared with the database's.
 */
class VerifiedCredentials {

	private final byte[] key = new byte[32];

	private final Cache<String, Verified> verified;

	VerifiedCredentials(Settings settings) {
		new SecureRandom().nextBytes(this.key);
		this.verified = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxSize()).build();
	}

	/**
	 * @return whether this password was verified for this user, whose stored password
	 * hash is still {@code passwordHash}, within the time to live
	 */
	boolean remembers(UUID userId, String username, String password, String passwordHash) {
		if (password == null || passwordHash == null) {
			return false;
		}
		Verified entry = this.verified.getIfPresent(credentialKey(username, password));
		return entry != null && entry.userId().equals(userId)
				&& MessageDigest.isEqual(entry.credential(), hmac(passwordHash));
	}

	/**
	 * Remembers a password that was just verified with the password encoder.
	 */
	void remember(UUID userId, String username, String password, String passwordHash) {
		if (password == null || passwordHash == null) {
			return;
		}
		this.verified.put(credentialKey(username, password),
				new Verified(userId, normalised(username), hmac(passwordHash)));
	}

	void forgetUser(UUID userId) {
		this.verified.asMap().values().removeIf(entry -> entry.userId().equals(userId));
	}

	void forgetUsername(String username) {
		String name = normalised(username);
		this.verified.asMap().values().removeIf(entry -> entry.username().equals(name));
	}

	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	/**
	 * Whatever the user directory changes about a user (password, role, deactivation,
	 * username) ends what was remembered for them.
	 */
	@EventListener
	void onUserChanged(RecordChanged event) {
		if (UserDirectory.RECORD_TYPE.equals(event.recordType())) {
			forgetUser(event.recordId());
		}
	}

	/**
	 * A failed sign-in as a username (counting towards its lockout) ends what was
	 * remembered for it: the next right password is verified in full again, after the
	 * lockout checks.
	 */
	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		forgetUsername(String.valueOf(event.getAuthentication().getPrincipal()));
	}

	private String credentialKey(String username, String password) {
		// length-prefixed, so that ("ab", "c") and ("a", "bc") differ
		String name = normalised(username);
		return java.util.HexFormat.of().formatHex(hmac(name.length() + ":" + name + password));
	}

	private byte[] hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String normalised(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private record Verified(UUID userId, String username, byte[] credential) {
	}

	/**
	 * @param ttl how long a verified password is remembered (5 minutes by default; zero
	 * turns remembering off)
	 * @param maxSize how many verified credentials are remembered at most
	 */
	@ConfigurationProperties("bellwether.security.basic-cache")
	record Settings(Duration ttl, Long maxSize) {

		Settings {
			if (ttl == null) {
				ttl = Duration.ofMinutes(5);
			}
			if (maxSize == null) {
				maxSize = 10_000L;
			}
		}

	}

}
