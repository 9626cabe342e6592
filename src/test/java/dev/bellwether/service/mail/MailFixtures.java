package dev.bellwether.service.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Raw messages for the tests: the files in {@code src/test/resources/mail} (real-world
 * shapes) and messages built on the spot.
 */
final class MailFixtures {

	static final Session SESSION = Session.getInstance(new Properties());

	private MailFixtures() {
	}

	static byte[] file(String name) {
		try (InputStream in = MailFixtures.class.getResourceAsStream("/mail/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] plain(String from, String subject, String messageId, String text) {
		return build(from, subject, messageId, text, null, 0);
	}

	/**
	 * A message with one attachment of {@code attachmentSize} bytes.
	 */
	static byte[] withAttachment(String from, String subject, String messageId, String text, String fileName,
			int attachmentSize) {
		return build(from, subject, messageId, text, fileName, attachmentSize);
	}

	static byte[] toBytes(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] build(String from, String subject, String messageId, String text, String fileName,
			int attachmentSize) {
		try {
			MimeMessage message = new MimeMessage(SESSION) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", "<" + messageId + ">");
				}
			};
			MimeMessageHelper helper = new MimeMessageHelper(message, fileName != null, "UTF-8");
			if (from != null) {
				helper.setFrom(from);
			}
			helper.setTo("support@example.com");
			helper.setSubject(subject);
			helper.setText(text);
			if (fileName != null) {
				byte[] content = new byte[attachmentSize];
				for (int i = 0; i < content.length; i++) {
					content[i] = (byte) (i * 31);
				}
				helper.addAttachment(fileName, new ByteArrayResource(content), "application/octet-stream");
			}
			message.saveChanges();
			return toBytes(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
