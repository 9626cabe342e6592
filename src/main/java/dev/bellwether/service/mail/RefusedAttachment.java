package dev.bellwether.service.mail;

/**
 * A file that came with a message but was not taken (too large): the case says so, the
 * message itself is still taken.
 *
 * @param size its size in bytes (at least this much when it was not read to the end)
 */
public record RefusedAttachment(String fileName, String contentType, long size, String reason) {

	/** The note added to the case. */
	public String note() {
		return "The attachment \"" + this.fileName + "\" (" + InboundMailParser.megabytes(this.size)
				+ ") was not added: " + this.reason;
	}

}
