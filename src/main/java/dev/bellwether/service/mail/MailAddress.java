package dev.bellwether.service.mail;

import java.util.Locale;

/**
 * An e-mail address as a message names it: the address (lower case) and the display name,
 * if any.
 */
public record MailAddress(String email, String name) {

	public MailAddress {
		email = email.strip().toLowerCase(Locale.ROOT);
		name = name == null || name.isBlank() ? null : name.strip();
	}

	public static MailAddress of(String email) {
		return new MailAddress(email, null);
	}

}
