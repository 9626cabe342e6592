package dev.bellwether.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.SigningKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token in a survey link: the survey's id and Bellwether's signature of it
 * ({@code <id>.<signature>}, both base64url). A token that was not signed here — made up,
 * changed, or cut short — names no survey, and is refused before the database is asked.
 * Expiry and single use are the survey's own state ({@link CaseSurveys}).
 * <p>
 * The key is {@code bellwether.service.surveys.key} when set (the same on every node), or
 * else one generated once and kept in the database, as for list cursors.
 */
@Component
public class SurveyLinks {

	static final String KEY_NAME = "service.survey-key";

	private static final byte[] PURPOSE = "case-survey:".getBytes(StandardCharsets.US_ASCII);

	/** 128 bits of an HMAC-SHA256 signature: far beyond guessing, and a short link. */
	private static final int SIGNATURE_BYTES = 16;

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

	private final SigningKey key;

	SurveyLinks(JdbcClient jdbc, Clock clock, @Value("${bellwether.service.surveys.key:}") String configuredKey) {
		this.key = new SigningKey(jdbc, clock, KEY_NAME, configuredKey);
	}

	public String token(UUID surveyId) {
		return token(bytes(surveyId));
	}

	private String token(byte[] id) {
		return BASE64.encodeToString(id) + "." + BASE64.encodeToString(signature(id));
	}

	/**
	 * @return the survey the token was signed for; empty when it was not signed here
	 */
	public Optional<UUID> surveyId(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			byte[] id = UNBASE64.decode(token.substring(0, dot));
			byte[] signature = UNBASE64.decode(token.substring(dot + 1));
			if (id.length != 16 || signature.length != SIGNATURE_BYTES
					|| !java.security.MessageDigest.isEqual(signature(id), signature)) {
				return Optional.empty();
			}
			// only the link as it was written: base64's last character carries unused
			// bits,
			// so another character there decodes to the same bytes — refused as changed
			if (!java.security.MessageDigest.isEqual(token(id).getBytes(StandardCharsets.US_ASCII),
					token.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.empty();
			}
			ByteBuffer buffer = ByteBuffer.wrap(id);
			return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] signature(byte[] id) {
		byte[] payload = Arrays.copyOf(PURPOSE, PURPOSE.length + id.length);
		System.arraycopy(id, 0, payload, PURPOSE.length, id.length);
		return Arrays.copyOf(this.key.sign(payload), SIGNATURE_BYTES);
	}

	private static byte[] bytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
