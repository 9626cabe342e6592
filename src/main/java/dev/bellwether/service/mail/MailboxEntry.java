package dev.bellwether.service.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A message received for the support mailbox or sent for a case, as logged (without its
 * raw form).
 *
 * @param direction IN or OUT
 * @param outcome an {@link InboundOutcome} (IN), or SENT or FAILED (OUT)
 * @param rawSize the size of the message as received; its raw form is kept (see
 * {@link #hasRaw()}) only when it reached no case
 */
public record MailboxEntry(UUID id, String messageId, String direction, UUID caseId, Long caseNumber, UUID commentId,
		String fromAddress, String fromName, String toAddress, String subject, Instant at, String outcome,
		String detail, MailSource source, long rawSize, Instant releasedAt, UUID releasedBy, boolean hasRaw) {

	public boolean inbound() {
		return "IN".equals(this.direction);
	}

	/** The outcome of a received message; {@code null} for a sent one. */
	public InboundOutcome inboundOutcome() {
		return inbound() ? InboundOutcome.valueOf(this.outcome) : null;
	}

	/** What became of it, in words. */
	public String outcomeLabel() {
		if (inbound()) {
			return inboundOutcome().label();
		}
		return "SENT".equals(this.outcome) ? "Sent" : "Not sent";
	}

	/**
	 * A held message not yet released, with its raw form to release; never a loop
	 * (answering it would start the loop again).
	 */
	public boolean releasable() {
		return inbound() && this.releasedAt == null && inboundOutcome().held()
				&& inboundOutcome() != InboundOutcome.HELD_LOOP && this.hasRaw;
	}

}
