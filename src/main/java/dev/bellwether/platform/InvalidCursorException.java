package dev.bellwether.platform;

/**
 * A list's {@code cursor} that can't be used: tampered with, expired, or made for another
 * filter or sort of the list. A 400, naming the {@code cursor} parameter.
 */
public class InvalidCursorException extends InvalidInputException {

	public InvalidCursorException(String message) {
		super("cursor", message);
	}

}
