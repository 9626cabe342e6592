package dev.bellwether.platform;

/**
 * The user may see the record but not do this to it.
 */
public class ForbiddenException extends RuntimeException {

	private final String field;

	public ForbiddenException(String message) {
		this(null, message);
	}

	/**
	 * @param field the input field whose value is not allowed (shown inline in forms,
	 * named in the API's problem document)
	 */
	public ForbiddenException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * @return the field at fault, or {@code null} when the refusal is about the whole
	 * request
	 */
	public String field() {
		return this.field;
	}

}
