package dev.bellwether.imports.file;

import dev.bellwether.platform.InvalidInputException;

/**
 * An uploaded file cannot be imported as it is: too large, empty, not a CSV or XLSX file,
 * damaged, or with a header that cannot name its columns. The message is written for the
 * person who uploaded the file; as an {@link InvalidInputException} on the {@code file}
 * field it is answered with a 400 by the platform's error handling.
 */
public class ImportFileException extends InvalidInputException {

	public ImportFileException(String message) {
		super("file", message);
	}

}
