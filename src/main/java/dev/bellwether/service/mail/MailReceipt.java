package dev.bellwether.service.mail;

import java.util.UUID;

/**
 * What became of a received message.
 *
 * @param id the received message's entry (for {@code /admin/mailbox})
 * @param caseId the case it opened or joined, if any
 * @param caseNumber that case's number
 * @param duplicate whether it had been received before (then nothing was done again)
 * @param detail the reason, in words, when it reached no case
 */
public record MailReceipt(UUID id, String messageId, InboundOutcome outcome, UUID caseId, Long caseNumber,
		boolean duplicate, String detail) {

	/** One sentence on what happened, for the API, the logs and the admin page. */
	public String summary() {
		String what = switch (this.outcome) {
			case CASE_OPENED, RELEASED -> "Case #" + this.caseNumber + " opened.";
			case THREADED -> "Added to case #" + this.caseNumber + ".";
			default -> this.outcome.label() + (this.detail == null ? "." : ": " + this.detail);
		};
		return this.duplicate ? "Received before (Message-ID " + this.messageId + "); nothing done again. " + what
				: what;
	}

}
