package dev.bellwether.service.mail;

/**
 * How a message reached Bellwether ({@link #IMAP}: the polled mailbox; {@link #API}:
 * posted to {@code /api/v1/inbound-mail}), or left it ({@link #SMTP}).
 */
public enum MailSource {

	IMAP, API, SMTP

}
