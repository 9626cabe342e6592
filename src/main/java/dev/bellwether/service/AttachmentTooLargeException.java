package dev.bellwether.service;

import java.util.Map;

import dev.bellwether.platform.InvalidInputException;

/**
 * A file over {@link CaseAttachment#MAX_SIZE} (20 MB): refused with its name and size, a
 * 413 in the API and a message by the upload form on the page.
 */
public class AttachmentTooLargeException extends InvalidInputException {

	public AttachmentTooLargeException(String fileName, long size) {
		super(Map.of("file", "The file " + fileName + " is " + megabytes(size)
				+ " MB; attachments can be at most 20 MB. Share larger files by a link."));
	}

	private static String megabytes(long size) {
		return String.format(java.util.Locale.ROOT, "%.1f", size / (1024.0 * 1024.0));
	}

}
