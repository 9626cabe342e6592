package dev.bellwether.service.mail;

/**
 * A message whose MIME structure or content cannot be read (a missing boundary, broken
 * base64, no headers at all). The message is kept as received for an administrator.
 */
public class UnreadableMailException extends Exception {

	UnreadableMailException(String message, Throwable cause) {
		super(message, cause);
	}

}
