package dev.bellwether.service.mail.web;

import java.util.UUID;

import dev.bellwether.service.mail.InboundOutcome;
import dev.bellwether.service.mail.MailReceipt;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of a posted message.
 */
@Schema(name = "InboundMailReceipt")
record InboundMailResource(@Schema(description = "the received message's entry (see /admin/mailbox)") UUID id, @Schema(
		description = "its Message-ID without angle brackets; made up from the content when it had none") String messageId,
		@Schema(description = "what became of it") InboundOutcome outcome,
		@Schema(description = "the case it opened or joined") UUID caseId,
		@Schema(description = "that case's number, shown as #1042") Long caseNumber,
		@Schema(description = "true when this Message-ID had been received before: nothing was done again") boolean duplicate,
		@Schema(description = "the reason, when it reached no case, or a note on attachments left out") String detail,
		@Schema(description = "what happened, in a sentence") String summary) {

	static InboundMailResource of(MailReceipt receipt) {
		return new InboundMailResource(receipt.id(), receipt.messageId(), receipt.outcome(), receipt.caseId(),
				receipt.caseNumber(), receipt.duplicate(), receipt.detail(), receipt.summary());
	}

}
