package dev.bellwether.adoption.internal.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.platform.Ids;
import org.postgresql.PGConnection;

import org.springframework.stereotype.Component;

/**
 * Writes captured events to {@code usage_events} with one {@code COPY ... FROM STDIN} per
 * batch: far cheaper per row than inserts, and atomic (a batch is written whole or not at
 * all). Used by one thread at a time (the recorder's writer), so it keeps one buffer.
 */
@Component
public class UsageEventWriter {

	static final String COPY = "copy usage_events (id, user_id, occurred_at, kind, module, record_type, record_id, "
			+ "client, records) from stdin";

	private final DataSource dataSource;

	private byte[] buffer = new byte[256 * 1024];

	private int length;

	public UsageEventWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes the events, each with a new time-ordered id.
	 * @return the number of rows written
	 */
	long write(List<UsageEvent> events) throws SQLException, IOException {
		if (events.isEmpty()) {
			return 0;
		}
		this.length = 0;
		for (UsageEvent event : events) {
			append(event);
		}
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			if (!autoCommit) {
				connection.setAutoCommit(true);
			}
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(COPY, new ByteArrayInputStream(this.buffer, 0, this.length));
			}
			finally {
				if (!autoCommit) {
					connection.setAutoCommit(false);
				}
			}
		}
	}

	private void append(UsageEvent event) {
		uuid(Ids.newId()).tab();
		uuid(event.userId()).tab();
		text(event.at().toString()).tab();
		text(event.kind().name()).tab();
		text(event.module()).tab();
		text(event.recordType()).tab();
		uuid(event.recordId()).tab();
		text(event.client().name()).tab();
		text((event.records() == null) ? null : event.records().toString());
		put((byte) '\n');
	}

	private UsageEventWriter uuid(UUID value) {
		return (value == null) ? text(null) : text(value.toString());
	}

	/**
	 * A value in COPY's text format: {@code \N} for null, and backslash, tab and line
	 * breaks escaped.
	 */
	private UsageEventWriter text(String value) {
		if (value == null) {
			put((byte) '\\');
			put((byte) 'N');
			return this;
		}
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			switch (b) {
				case '\\' -> escape('\\');
				case '\t' -> escape('t');
				case '\n' -> escape('n');
				case '\r' -> escape('r');
				default -> put(b);
			}
		}
		return this;
	}

	private void tab() {
		put((byte) '\t');
	}

	private void escape(char c) {
		put((byte) '\\');
		put((byte) c);
	}

	private void put(byte b) {
		if (this.length == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		this.buffer[this.length++] = b;
	}

}
