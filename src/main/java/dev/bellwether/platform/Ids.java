package dev.bellwether.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562), generated in Java so that a record's id is
 * known before it is written and index inserts stay append-mostly.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		long millis = System.currentTimeMillis();
		long randA = RANDOM.nextInt(1 << 12);
		long msb = (millis << 16) | 0x7000L | randA;
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/**
	 * A time-ordered id that is always the same for the same time, sequence and key: for
	 * rows derived from something that may be delivered twice (an event re-published
	 * after a crash), so that writing them again finds them already there. The timestamp
	 * is the given instant's, then the sequence (so that ids derived from one instant
	 * sort in sequence order), then bits of a SHA-256 hash of the key.
	 * @param sequence 0 to 4095
	 */
	public static UUID derived(Instant at, int sequence, String key) {
		if (sequence < 0 || sequence > 0x0FFF) {
			throw new IllegalArgumentException("A sequence of 0 to 4095, not " + sequence);
		}
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
		ByteBuffer bits = ByteBuffer.wrap(hash);
		long msb = (at.toEpochMilli() << 16) | 0x7000L | sequence;
		long lsb = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
