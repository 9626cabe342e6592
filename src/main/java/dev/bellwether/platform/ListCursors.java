package dev.bellwether.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code cursor} of a list page: where the next page starts ({@link Keyset}), made
 * opaque and signed so that a client can neither read nor forge it. A cursor holds the
 * last row's sort key values, how many rows came before, when it expires (24 hours after
 * it was given out) and a fingerprint of the list it belongs to (the path and every query
 * parameter but {@code page}, {@code size}, {@code cursor} and {@code exactTotal}): a
 * cursor used with another filter or sort is refused, as is one changed or expired, each
 * a 400 that says which.
 * <p>
 * The signing key is {@code bellwether.paging.cursor-key} when set (the same on every
 * node), or else one generated once and kept in the database ({@code platform_secrets}),
 * so that every node and every restart accepts the cursors the others gave out.
 */
@Component
public class ListCursors {

	static final Duration LIFETIME = Duration.ofHours(24);

	private static final String KEY_NAME = "paging.cursor-key";

	/** The parameters that move through a list rather than choose it. */
	private static final Set<String> PAGING_PARAMETERS = Set.of("page", "size", "cursor", "exactTotal");

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

	private final Clock clock;

	private final SigningKey key;

	ListCursors(JdbcClient jdbc, Clock clock, @Value("${bellwether.paging.cursor-key:}") String configuredKey) {
		this.clock = clock;
		this.key = new SigningKey(jdbc, clock, KEY_NAME, configuredKey);
	}

	/**
	 * @param cursor the request's {@code cursor}, or {@code null}: then the page is by
	 * number
	 * @return the page asked for, after the cursor's row when there is one
	 * @throws InvalidCursorException when the cursor was changed, has expired or belongs
	 * to another filter or sort
	 */
	public ListRequest request(Pageable pageable, boolean exactTotal, String cursor) {
		Keyset after = StringUtils.hasText(cursor) ? decode(cursor, this.clock.instant()) : null;
		return ListRequest.of(pageable, exactTotal, after, this);
	}

	/**
	 * @return the cursor of a page starting after {@code next}, for the current request's
	 * list
	 */
	public String encode(Keyset next) {
		return encode(next, this.clock.instant().plus(LIFETIME), fingerprint());
	}

	String encode(Keyset next, Instant expires, String fingerprint) {
		StringBuilder payload = new StringBuilder("1|").append(expires.getEpochSecond())
			.append('|')
			.append(fingerprint)
			.append('|')
			.append(next.offset());
		for (Object value : next.values()) {
			payload.append('|').append(encodeValue(value));
		}
		byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
		return BASE64.encodeToString(bytes) + "." + BASE64.encodeToString(sign(bytes));
	}

	Keyset decode(String cursor, Instant now) {
		int dot = cursor.indexOf('.');
		byte[] payload;
		byte[] signature;
		try {
			payload = UNBASE64.decode(cursor.substring(0, Math.max(dot, 0)));
			signature = UNBASE64.decode(cursor.substring(dot + 1));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw tampered();
		}
		if (dot <= 0 || !this.key.signed(payload, signature)) {
			throw tampered();
		}
		String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if (fields.length < 4 || !"1".equals(fields[0])) {
			throw tampered();
		}
		if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(fields[1])))) {
			throw new InvalidCursorException(
					"The cursor has expired (a cursor lasts 24 hours): start again from the " + "first page.");
		}
		if (!fields[2].equals(fingerprint())) {
			throw new InvalidCursorException("The cursor belongs to another filter or sort of this list: use it with "
					+ "the same parameters as the page that gave it, or start again from the first page.");
		}
		List<Object> values = new ArrayList<>();
		for (int i = 4; i < fields.length; i++) {
			values.add(decodeValue(fields[i]));
		}
		return new Keyset(values, Long.parseLong(fields[3]));
	}

	private static InvalidCursorException tampered() {
		return new InvalidCursorException("The cursor is not one this list gave out (changed or cut short): use the "
				+ "'next' link or cursor of a page as it is.");
	}

	/**
	 * The list the current request asks for: its path and its filter and sort parameters,
	 * in a stable order, hashed.
	 */
	static String fingerprint() {
		StringBuilder list = new StringBuilder();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			list.append(request.getRequestURI());
			Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
			parameters.forEach((name, values) -> {
				if (!PAGING_PARAMETERS.contains(name)) {
					list.append('\n').append(name).append('=').append(String.join("\u0000", values));
				}
			});
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(list.toString().getBytes(StandardCharsets.UTF_8));
			return BASE64.encodeToString(digest).substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encodeValue(Object value) {
		if (value == null) {
			return "-";
		}
		String tag;
		String text;
		if (value instanceof String s) {
			tag = "s";
			text = s;
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			tag = "i";
			text = value.toString();
		}
		else if (value instanceof BigDecimal d) {
			tag = "n";
			text = d.toPlainString();
		}
		else if (value instanceof Double || value instanceof Float) {
			tag = "f";
			text = value.toString();
		}
		else if (value instanceof LocalDate d) {
			tag = "d";
			text = d.toString();
		}
		else if (value instanceof OffsetDateTime t) {
			tag = "t";
			text = t.toInstant().toString();
		}
		else if (value instanceof UUID u) {
			tag = "u";
			text = u.toString();
		}
		else if (value instanceof Boolean b) {
			tag = "b";
			text = b.toString();
		}
		else {
			throw new IllegalArgumentException("A sort key of type " + value.getClass().getName());
		}
		return tag + BASE64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static Object decodeValue(String field) {
		if ("-".equals(field)) {
			return null;
		}
		String text = new String(UNBASE64.decode(field.substring(1)), StandardCharsets.UTF_8);
		return switch (field.charAt(0)) {
			case 's' -> text;
			case 'i' -> Long.valueOf(text);
			case 'n' -> new BigDecimal(text);
			case 'f' -> Double.valueOf(text);
			case 'd' -> LocalDate.parse(text);
			case 't' -> OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
			case 'u' -> UUID.fromString(text);
			case 'b' -> Boolean.valueOf(text);
			default -> throw tampered();
		};
	}

	private byte[] sign(byte[] payload) {
		return this.key.sign(payload);
	}

	/**
	 * The value of a sort key as read from a row, in the type it is bound back as.
	 */
	static Object keyValue(Object value) {
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		if (value instanceof java.sql.Timestamp t) {
			return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
		}
		if (value instanceof Integer || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float f) {
			return f.doubleValue();
		}
		return value;
	}

}
