package dev.bellwether.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * An HMAC-SHA256 key that every node shares, for what Bellwether hands out and must later
 * recognise as its own (list cursors, survey links): the configured secret when one is
 * set (the same on every node), or else a random key generated once by whichever node
 * needs it first and kept in the database ({@code platform_secrets}), so that every node
 * and every restart accepts what the others signed.
 */
public final class SigningKey {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String name;

	private final String configured;

	private volatile byte[] key;

	/**
	 * @param jdbc where a generated key is kept (unused when {@code configured} is set)
	 * @param name the key's name in {@code platform_secrets}
	 * @param configured a configured secret, or blank to use the stored key
	 */
	public SigningKey(JdbcClient jdbc, Clock clock, String name, String configured) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.name = name;
		this.configured = configured;
	}

	public byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Whether {@code signature} is this key's signature of {@code payload}, compared in
	 * constant time.
	 */
	public boolean signed(byte[] payload, byte[] signature) {
		return signature != null && MessageDigest.isEqual(sign(payload), signature);
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = StringUtils.hasText(this.configured) ? sha256(this.configured) : storedKey();
			this.key = current;
		}
		return current;
	}

	private byte[] storedKey() {
		byte[] generated = new byte[32];
		new SecureRandom().nextBytes(generated);
		this.jdbc.sql("""
				insert into platform_secrets (name, secret, created_at) values (:name, :secret, :now)
				on conflict (name) do nothing
				""")
			.param("name", this.name)
			.param("secret", generated)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		return this.jdbc.sql("select secret from platform_secrets where name = :name")
			.param("name", this.name)
			.query(byte[].class)
			.single();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
