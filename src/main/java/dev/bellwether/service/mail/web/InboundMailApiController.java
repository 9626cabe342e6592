package dev.bellwether.service.mail.web;

import java.net.URI;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.service.mail.InboundMail;
import dev.bellwether.service.mail.InboundOutcome;
import dev.bellwether.service.mail.MailReceipt;
import dev.bellwether.service.mail.MailSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/inbound-mail}: a raw message for the support mailbox, from set-ups
 * that do not poll a mailbox over IMAP (a mail server's pipe, a forwarding service). The
 * same intake as the polled mailbox: a message posted twice does nothing the second time.
 * For administrators (HTTP Basic or an administrator's personal access token); the body
 * may be as large as {@code bellwether.service.mailbox.max-message-size}.
 */
@RestController
@Tag(name = "Inbound mail", description = "E-mail to case for mail set-ups that post messages rather than have "
		+ "Bellwether poll a mailbox. Administrators only.")
class InboundMailApiController {

	static final String PATH = "/api/v1/inbound-mail";

	private final InboundMail intake;

	InboundMailApiController(InboundMail intake) {
		this.intake = intake;
	}

	@PostMapping(path = PATH, consumes = { "message/rfc822", "application/octet-stream" })
	@Operation(summary = "Receive a raw e-mail for the support mailbox", description = """
			The body is the message exactly as received (RFC 5322, Content-Type message/rfc822), at most \
			bellwether.service.mailbox.max-message-size (50 MB by default; larger: 413). A new message opens a \
			case (201); a reply joins its case by its In-Reply-To/References headers or the [Case #1042] token \
			in its subject (200); a message received before, by Message-ID, does nothing again (200, duplicate \
			true). Automatic replies, delivery failures, mailing lists, mail loops and more messages from one \
			sender than the rate cap allows are held, not answered, and kept for an administrator (202). A \
			message with no sender or that cannot be read is kept as well and answered with a 422 problem \
			document whose outcome and id say which.""")
	@ApiResponse(responseCode = "201", description = "A case was opened")
	@ApiResponse(responseCode = "200", description = "Added to its case, or received before")
	@ApiResponse(responseCode = "202", description = "Held (automatic, loop, rate cap) and kept")
	@ApiResponse(responseCode = "422", description = "No sender, or unreadable; kept for an administrator",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "Larger than the limit",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> receive(Viewer viewer, @RequestBody(required = false) byte[] raw) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only administrators may post mail for the support mailbox.");
		}
		if (raw == null || raw.length == 0) {
			throw new InvalidInputException("body", "Send the raw message (Content-Type: message/rfc822).");
		}
		MailReceipt receipt = this.intake.receive(raw, MailSource.API);
		InboundOutcome outcome = receipt.outcome();
		if (!receipt.duplicate() && (outcome == InboundOutcome.NO_SENDER || outcome == InboundOutcome.UNREADABLE)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(422), receipt.summary());
			problem.setTitle(outcome == InboundOutcome.NO_SENDER ? "No sender" : "Unreadable message");
			problem.setProperty("outcome", outcome.name());
			problem.setProperty("id", receipt.id());
			problem.setProperty("messageId", receipt.messageId());
			return ResponseEntity.status(422).body(problem);
		}
		InboundMailResource body = InboundMailResource.of(receipt);
		if (receipt.duplicate()) {
			return ResponseEntity.ok(body);
		}
		return switch (outcome) {
			case CASE_OPENED -> ResponseEntity.created(URI.create("/cases/" + receipt.caseId())).body(body);
			case THREADED -> ResponseEntity.ok(body);
			default -> ResponseEntity.accepted().body(body);
		};
	}

}
