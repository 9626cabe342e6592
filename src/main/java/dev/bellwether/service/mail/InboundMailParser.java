package dev.bellwether.service.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Reads a raw RFC 5322 message into an {@link InboundMessage}: the sender, the decoded
 * subject (RFC 2047), the text (text/plain preferred, else the HTML as text), the
 * threading headers and the attachments, each at most {@link #MAX_ATTACHMENT_SIZE} (a
 * larger one is refused, the message still taken). Text in an unknown or wrong charset is
 * read as UTF-8 when it is valid UTF-8, else as Windows-1252 (which mislabelled Latin-1
 * and ASCII mail almost always is). A message whose structure cannot be read is
 * {@link UnreadableMailException unreadable}.
 */
public final class InboundMailParser {

	/** The largest attachment taken: 20 MB. */
	public static final long MAX_ATTACHMENT_SIZE = 20L * 1024 * 1024;

	/** The most text read from one part (longer text is cut). */
	static final int MAX_TEXT = 2 * 1024 * 1024;

	static final String MADE_UP_ID_DOMAIN = "inbound.bellwether.invalid";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,990})>");

	private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]{1,76}:");

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.allowutf8", "true");
		SESSION = Session.getInstance(properties);
	}

	private InboundMailParser() {
	}

	/**
	 * @throws UnreadableMailException when the message's structure or content cannot be
	 * read
	 */
	public static InboundMessage parse(byte[] raw) throws UnreadableMailException {
		byte[] message = withoutMboxLine(raw);
		if (!startsWithHeader(message)) {
			throw new UnreadableMailException("The message does not start with e-mail headers.", null);
		}
		try {
			MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(message));
			Map<String, List<String>> headers = headers(mime);
			Body body = new Body();
			body.walk(mime, false);
			String messageId = firstId(headers.get("message-id"));
			return new InboundMessage(messageId != null ? messageId : madeUpId(raw), sender(headers), subject(mime),
					body.text(), ids(headers.get("in-reply-to")), ids(headers.get("references")), body.attachments,
					body.refused, headers, sentAt(mime));
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			throw new UnreadableMailException("The message's MIME structure could not be read ("
					+ ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ").",
					ex);
		}
	}

	/**
	 * What can be told of a message that cannot be read as a whole: its headers as far as
	 * they go.
	 */
	public static Envelope envelope(byte[] raw) {
		try {
			MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(withoutMboxLine(raw)));
			Map<String, List<String>> headers = headers(mime);
			String messageId = firstId(headers.get("message-id"));
			return new Envelope(messageId != null ? messageId : madeUpId(raw), sender(headers), subject(mime));
		}
		catch (MessagingException | RuntimeException ex) {
			return new Envelope(madeUpId(raw), null, "");
		}
	}

	/**
	 * The headers of a message that could not be read.
	 */
	public record Envelope(String messageId, MailAddress sender, String subject) {

	}

	static String madeUpId(byte[] raw) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
			return "sha256-" + HexFormat.of().formatHex(digest, 0, 20) + "@" + MADE_UP_ID_DOMAIN;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String megabytes(long bytes) {
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static byte[] withoutMboxLine(byte[] raw) {
		if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
			for (int i = 5; i < raw.length; i++) {
				if (raw[i] == '\n') {
					return java.util.Arrays.copyOfRange(raw, i + 1, raw.length);
				}
			}
		}
		return raw;
	}

	private static boolean startsWithHeader(byte[] raw) {
		int end = 0;
		while (end < raw.length && end < 200 && raw[end] != '\n') {
			end++;
		}
		return HEADER_LINE.matcher(new String(raw, 0, end, StandardCharsets.ISO_8859_1)).find();
	}

	private static Map<String, List<String>> headers(MimeMessage mime) throws MessagingException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Header header : Collections.list(mime.getAllHeaders())) {
			String value = header.getValue() == null ? "" : MimeUtility.unfold(header.getValue()).strip();
			headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(value);
		}
		headers.replaceAll((name, values) -> List.copyOf(values));
		return headers;
	}

	/**
	 * From, else Reply-To, else Sender, else Return-Path: the first that names an
	 * address.
	 */
	private static MailAddress sender(Map<String, List<String>> headers) {
		for (String name : List.of("from", "reply-to", "sender", "return-path")) {
			for (String value : headers.getOrDefault(name, List.of())) {
				MailAddress address = address(value);
				if (address != null) {
					return address;
				}
			}
		}
		return null;
	}

	private static MailAddress address(String value) {
		try {
			for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
				String email = address.getAddress();
				if (email != null && email.indexOf('@') > 0 && email.indexOf('@') < email.length() - 1
						&& !email.contains(" ")) {
					return new MailAddress(email, decode(address.getPersonal()));
				}
			}
		}
		catch (AddressException ex) {
			// not an address: try the next header
		}
		return null;
	}

	private static String subject(MimeMessage mime) {
		try {
			String subject = mime.getSubject();
			return subject == null ? "" : clean(subject);
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private static Instant sentAt(MimeMessage mime) {
		try {
			java.util.Date date = mime.getSentDate();
			return date == null ? null : date.toInstant();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String firstId(List<String> values) {
		List<String> ids = ids(values);
		return ids.isEmpty() ? null : ids.get(0);
	}

	/**
	 * The Message-IDs of a header: each between angle brackets, or, for clients that
	 * leave them out, each word with an {@code @}.
	 */
	static List<String> ids(List<String> values) {
		List<String> ids = new ArrayList<>();
		if (values == null) {
			return ids;
		}
		for (String value : values) {
			Matcher matcher = ANGLE_ID.matcher(value);
			boolean any = false;
			while (matcher.find()) {
				any = true;
				if (!ids.contains(matcher.group(1))) {
					ids.add(matcher.group(1));
				}
			}
			if (!any) {
				for (String word : value.split("[\\s,]+")) {
					if (word.indexOf('@') > 0 && word.length() <= 990 && !ids.contains(word)) {
						ids.add(word);
					}
				}
			}
		}
		return ids;
	}

	private static String decode(String text) {
		if (text == null) {
			return null;
		}
		try {
			return clean(text.contains("=?") ? MimeUtility.decodeText(text) : text);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return clean(text);
		}
	}

	/** Whitespace runs to one space, control characters out. */
	static String clean(String text) {
		return text.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ").replaceAll("\\s+", " ").strip();
	}

	/**
	 * Reads text in its declared charset; unknown, missing or wrong ones as UTF-8 when
	 * the bytes are valid UTF-8, else as Windows-1252.
	 */
	static String decodeText(byte[] bytes, String declared) {
		Charset charset = charset(declared);
		if (charset == null || (charset.equals(StandardCharsets.UTF_8) && !validUtf8(bytes))) {
			charset = validUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		}
		// one kind of line end (mail has CRLF), and no NUL, which PostgreSQL text refuses
		return new String(bytes, charset).replace("\r\n", "\n").replace('\r', '\n').replace("\0", "");
	}

	private static Charset charset(String declared) {
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String name = MimeUtility.javaCharset(declared.strip());
		String lower = name.toLowerCase(Locale.ROOT);
		// Latin-1 and ASCII mail is Windows-1252 in practice (curly quotes, euro sign),
		// and Windows-1252 reads them all alike otherwise
		if (lower.equals("us-ascii") || lower.equals("ascii") || lower.equals("iso-8859-1") || lower.equals("latin1")
				|| lower.equals("iso8859_1") || lower.equals("8859_1")) {
			return WINDOWS_1252;
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean validUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * The text and attachments of a message, walking its parts: in multipart/alternative
	 * the text/plain part (else the last one with text), in multipart/related the first
	 * part as text and the others as attachments, in any other multipart every part.
	 */
	private static final class Body {

		final StringBuilder text = new StringBuilder();

		final List<MailAttachment> attachments = new ArrayList<>();

		final List<RefusedAttachment> refused = new ArrayList<>();

		String text() {
			return this.text.toString().strip();
		}

		void walk(Part part, boolean related) throws MessagingException, IOException {
			String type = baseType(part);
			if (type.startsWith("multipart/")) {
				Object content = part.getContent();
				if (!(content instanceof Multipart multipart)) {
					throw new MessagingException("A multipart part without parts");
				}
				if (type.equals("multipart/alternative")) {
					alternative(multipart);
				}
				else {
					for (int i = 0; i < multipart.getCount(); i++) {
						BodyPart child = multipart.getBodyPart(i);
						if (type.equals("multipart/related") && i > 0) {
							attach(child);
						}
						else {
							walk(child, type.equals("multipart/related"));
						}
					}
				}
			}
			else if (isAttachment(part, type)) {
				attach(part);
			}
			else if (type.equals("text/html")) {
				append(HtmlText.toText(readText(part)));
			}
			else {
				append(readText(part));
			}
		}

		private void alternative(Multipart multipart) throws MessagingException, IOException {
			BodyPart chosen = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				if (baseType(child).equals("text/plain") && !isAttachment(child, "text/plain")) {
					chosen = child;
					break;
				}
				chosen = child;
			}
			if (chosen != null) {
				walk(chosen, false);
			}
		}

		private void append(String more) {
			if (more.isBlank()) {
				return;
			}
			if (!this.text.isEmpty()) {
				this.text.append("\n\n");
			}
			this.text.append(more.strip());
		}

		private void attach(Part part) throws MessagingException, IOException {
			String type = baseType(part);
			if (type.startsWith("multipart/")) {
				walkAttachments(part);
				return;
			}
			String name = fileName(part, type, this.attachments.size() + this.refused.size() + 1);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			long size;
			try (InputStream in = part.getInputStream()) {
				size = copy(in, bytes);
			}
			if (size > MAX_ATTACHMENT_SIZE) {
				this.refused.add(new RefusedAttachment(name, type, size,
						"it is larger than the limit of " + megabytes(MAX_ATTACHMENT_SIZE) + "."));
			}
			else {
				this.attachments.add(new MailAttachment(name, type, size, bytes.toByteArray()));
			}
		}

		private void walkAttachments(Part part) throws MessagingException, IOException {
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					attach(multipart.getBodyPart(i));
				}
			}
		}

		/** Copies up to the limit (and one byte more), then only counts. */
		private static long copy(InputStream in, ByteArrayOutputStream out) throws IOException {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (total <= MAX_ATTACHMENT_SIZE) {
					out.write(buffer, 0, (int) Math.min(read, MAX_ATTACHMENT_SIZE + 1 - total));
				}
				total += read;
			}
			if (total > MAX_ATTACHMENT_SIZE) {
				out.reset();
			}
			return total;
		}

		private static boolean isAttachment(Part part, String type) throws MessagingException {
			String disposition = disposition(part);
			if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
				return true;
			}
			boolean text = type.equals("text/plain") || type.equals("text/html") || type.equals("text/enriched")
					|| type.equals("message/delivery-status");
			if (!text) {
				return true;
			}
			return rawFileName(part) != null && !Part.INLINE.equalsIgnoreCase(disposition);
		}

		private static String disposition(Part part) {
			try {
				return part.getDisposition();
			}
			catch (MessagingException ex) {
				return null;
			}
		}

		private static String readText(Part part) throws MessagingException, IOException {
			byte[] bytes;
			try (InputStream in = part.getInputStream()) {
				bytes = in.readNBytes(MAX_TEXT);
			}
			return decodeText(bytes, parameter(part, "charset"));
		}

	}

	private static String baseType(Part part) throws MessagingException {
		String header = part.getContentType();
		if (header == null) {
			return "text/plain";
		}
		try {
			return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (ParseException ex) {
			// an unreadable Content-Type is read as plain text (RFC 2045, 5.2)
			return "text/plain";
		}
	}

	private static String parameter(Part part, String name) throws MessagingException {
		String header = part.getContentType();
		if (header == null) {
			return null;
		}
		try {
			return new ContentType(header).getParameter(name);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static String rawFileName(Part part) {
		try {
			String name = part.getFileName();
			return name == null || name.isBlank() ? null : name;
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The part's file name, decoded (RFC 2047 as Outlook writes it, RFC 2231) and without
	 * any folder; a made-up one when it has none.
	 */
	static String fileName(Part part, String type, int position) throws MessagingException {
		String name = decode(rawFileName(part));
		if (name == null && type.equals("message/rfc822")) {
			name = "message-" + position + ".eml";
		}
		if (name != null) {
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
				.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_")
				.strip();
			if (name.length() > 200) {
				int dot = name.lastIndexOf('.');
				String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
				name = name.substring(0, 200 - extension.length()) + extension;
			}
		}
		if (name == null || name.isBlank() || name.equals(".") || name.equals("..")) {
			name = "attachment-" + position + extension(type);
		}
		return name;
	}

	private static String extension(String type) {
		return switch (type) {
			case "text/calendar" -> ".ics";
			case "text/plain", "message/delivery-status" -> ".txt";
			case "text/html" -> ".html";
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "image/gif" -> ".gif";
			case "application/pdf" -> ".pdf";
			case "message/rfc822" -> ".eml";
			default -> ".bin";
		};
	}

}
