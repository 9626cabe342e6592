package dev.bellwether.platform.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's COPY text format, built in memory and sent with one
 * {@code COPY ... FROM STDIN}. Writing values by hand (instead of through
 * {@code java.time} formatters and strings) keeps generation well ahead of the server.
 * Used by the demo company's generators and by the pipeline snapshots.
 */
public final class CopyRows {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final long MILLIS_PER_DAY = 86_400_000L;

	private final String table;

	private final String columns;

	private byte[] buffer = new byte[64 * 1024];

	private int length;

	private int rows;

	private boolean rowStarted;

	public CopyRows(String table, String columns) {
		this.table = table;
		this.columns = columns;
	}

	public String table() {
		return this.table;
	}

	public int rows() {
		return this.rows;
	}

	/** Bytes collected so far. */
	public int size() {
		return this.length;
	}

	public CopyRows uuid(UUID value) {
		if (value == null) {
			return nul();
		}
		separate();
		ensure(36);
		hex(value.getMostSignificantBits() >>> 32, 8);
		this.buffer[this.length++] = '-';
		hex(value.getMostSignificantBits() >>> 16, 4);
		this.buffer[this.length++] = '-';
		hex(value.getMostSignificantBits(), 4);
		this.buffer[this.length++] = '-';
		hex(value.getLeastSignificantBits() >>> 48, 4);
		this.buffer[this.length++] = '-';
		hex(value.getLeastSignificantBits(), 12);
		return this;
	}

	public CopyRows text(String value) {
		if (value == null) {
			return nul();
		}
		separate();
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		ensure(bytes.length * 2);
		for (byte b : bytes) {
			switch (b) {
				case '\\' -> escape('\\');
				case '\t' -> escape('t');
				case '\n' -> escape('n');
				case '\r' -> escape('r');
				default -> this.buffer[this.length++] = b;
			}
		}
		return this;
	}

	public CopyRows integer(long value) {
		separate();
		ensure(20);
		ascii(Long.toString(value));
		return this;
	}

	public CopyRows integer(Integer value) {
		return value == null ? nul() : integer(value.longValue());
	}

	/**
	 * A money amount given in cents.
	 */
	public CopyRows cents(long cents) {
		separate();
		ensure(24);
		if (cents < 0) {
			this.buffer[this.length++] = '-';
			cents = -cents;
		}
		ascii(Long.toString(cents / 100));
		this.buffer[this.length++] = '.';
		long fraction = cents % 100;
		this.buffer[this.length++] = (byte) ('0' + fraction / 10);
		this.buffer[this.length++] = (byte) ('0' + fraction % 10);
		return this;
	}

	/**
	 * A money amount (at most two decimals), or null.
	 */
	public CopyRows amount(java.math.BigDecimal value) {
		return value == null ? nul() : cents(value.movePointRight(2).longValueExact());
	}

	public CopyRows bool(boolean value) {
		separate();
		ensure(1);
		this.buffer[this.length++] = (byte) (value ? 't' : 'f');
		return this;
	}

	public CopyRows date(LocalDate value) {
		return value == null ? nul() : date(value.toEpochDay());
	}

	public CopyRows date(long epochDay) {
		separate();
		ensure(10);
		writeDate(epochDay);
		return this;
	}

	/**
	 * An instant in UTC, to the millisecond; {@code Long.MIN_VALUE} writes null.
	 */
	public CopyRows instant(long epochMillis) {
		if (epochMillis == Long.MIN_VALUE) {
			return nul();
		}
		separate();
		ensure(30);
		long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
		long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
		writeDate(day);
		this.buffer[this.length++] = ' ';
		two((int) (millisOfDay / 3_600_000));
		this.buffer[this.length++] = ':';
		two((int) (millisOfDay / 60_000 % 60));
		this.buffer[this.length++] = ':';
		two((int) (millisOfDay / 1000 % 60));
		this.buffer[this.length++] = '.';
		int millis = (int) (millisOfDay % 1000);
		this.buffer[this.length++] = (byte) ('0' + millis / 100);
		two(millis % 100);
		this.buffer[this.length++] = '+';
		this.buffer[this.length++] = '0';
		this.buffer[this.length++] = '0';
		return this;
	}

	/**
	 * A value as JDBC would bind it: {@code null}, a UUID, text, a whole number, a
	 * decimal, a boolean, a date, or an instant or a date and time (written in ISO 8601,
	 * to the microsecond).
	 */
	public CopyRows value(Object value) {
		if (value == null) {
			return nul();
		}
		if (value instanceof UUID uuid) {
			return uuid(uuid);
		}
		if (value instanceof String text) {
			return text(text);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return integer(((Number) value).longValue());
		}
		if (value instanceof java.math.BigDecimal decimal) {
			return text(decimal.toPlainString());
		}
		if (value instanceof Boolean bool) {
			return bool(bool);
		}
		if (value instanceof LocalDate date) {
			return date(date);
		}
		if (value instanceof java.time.OffsetDateTime || value instanceof java.time.Instant) {
			return text(value.toString());
		}
		throw new IllegalArgumentException("No COPY form for a " + value.getClass().getName());
	}

	public CopyRows nul() {
		separate();
		ensure(2);
		this.buffer[this.length++] = '\\';
		this.buffer[this.length++] = 'N';
		return this;
	}

	public void endRow() {
		ensure(1);
		this.buffer[this.length++] = '\n';
		this.rowStarted = false;
		this.rows++;
	}

	/**
	 * Sends the rows collected so far and starts afresh.
	 * @return the number of rows sent
	 */
	public long copyTo(CopyManager copy) throws SQLException, IOException {
		if (this.rows == 0) {
			return 0;
		}
		long copied = copy.copyIn("copy " + this.table + " (" + this.columns + ") from stdin",
				new ByteArrayInputStream(this.buffer, 0, this.length));
		clear();
		return copied;
	}

	public void digest(MessageDigest digest) {
		digest.update(this.table.getBytes(StandardCharsets.US_ASCII));
		digest.update(this.buffer, 0, this.length);
	}

	public void clear() {
		this.length = 0;
		this.rows = 0;
		this.rowStarted = false;
	}

	@Override
	public String toString() {
		return new String(this.buffer, 0, this.length, StandardCharsets.UTF_8);
	}

	private void separate() {
		if (this.rowStarted) {
			ensure(1);
			this.buffer[this.length++] = '\t';
		}
		this.rowStarted = true;
	}

	private void escape(char c) {
		this.buffer[this.length++] = '\\';
		this.buffer[this.length++] = (byte) c;
	}

	private void hex(long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			this.buffer[this.length + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
		this.length += digits;
	}

	private void two(int value) {
		this.buffer[this.length++] = (byte) ('0' + value / 10);
		this.buffer[this.length++] = (byte) ('0' + value % 10);
	}

	private void ascii(String value) {
		for (int i = 0; i < value.length(); i++) {
			this.buffer[this.length++] = (byte) value.charAt(i);
		}
	}

	private void writeDate(long epochDay) {
		LocalDate date = LocalDate.ofEpochDay(epochDay);
		int year = date.getYear();
		this.buffer[this.length++] = (byte) ('0' + year / 1000);
		this.buffer[this.length++] = (byte) ('0' + year / 100 % 10);
		two(year % 100);
		this.buffer[this.length++] = '-';
		two(date.getMonthValue());
		this.buffer[this.length++] = '-';
		two(date.getDayOfMonth());
	}

	private void ensure(int more) {
		if (this.length + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
		}
	}

}
