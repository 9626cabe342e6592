package dev.bellwether.service.mail;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells mail no person wrote — automatic replies, delivery failures, mailing lists and
 * bulk mail — and mail that would loop, before it opens a case or is answered (RFC 3834:
 * never answer an automatic message). The rate cap per sender is counted by the intake,
 * which sees the history.
 */
final class AutomaticMail {

	/** Stamped on every message Bellwether sends for a case; seen coming back: a loop. */
	static final String LOOP_HEADER = "X-Bellwether-Loop";

	static final String CASE_HEADER = "X-Bellwether-Case";

	private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");

	private final Set<String> ownAddresses;

	/**
	 * @param ownAddresses the support mailbox's addresses (and aliases): mail from them
	 * is a loop
	 */
	AutomaticMail(Collection<String> ownAddresses) {
		this.ownAddresses = ownAddresses.stream()
			.filter(address -> address != null && !address.isBlank())
			.map(address -> address.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Why the message is held, if it is.
	 */
	Optional<Hold> check(InboundMessage message) {
		if (message.hasHeader(LOOP_HEADER)) {
			return hold(InboundOutcome.HELD_LOOP, "It carries Bellwether's own " + LOOP_HEADER + " header.");
		}
		if (message.sender() != null && this.ownAddresses.contains(message.sender().email())) {
			return hold(InboundOutcome.HELD_LOOP, "It comes from the support mailbox's own address.");
		}
		String returnPath = message.header("return-path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return hold(InboundOutcome.HELD_BOUNCE, "Its Return-Path is empty (<>): a delivery report.");
		}
		if (message.sender() != null && DAEMONS.contains(localPart(message.sender().email()))) {
			return hold(InboundOutcome.HELD_BOUNCE, "It comes from a mail server (" + message.sender().email() + ").");
		}
		String from = message.header("from");
		if (from != null && from.toLowerCase(Locale.ROOT).contains("mailer-daemon")) {
			return hold(InboundOutcome.HELD_BOUNCE, "It comes from a mail server (MAILER-DAEMON).");
		}
		String contentType = message.header("content-type");
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")
				&& contentType.toLowerCase(Locale.ROOT).contains("delivery-status")) {
			return hold(InboundOutcome.HELD_BOUNCE, "It is a delivery status report.");
		}
		String autoSubmitted = message.header("auto-submitted");
		if (autoSubmitted != null && !keyword(autoSubmitted).equals("no")) {
			return hold(InboundOutcome.HELD_AUTO_REPLY, "Auto-Submitted: " + keyword(autoSubmitted) + " (RFC 3834).");
		}
		for (String header : new String[] { "x-autoreply", "x-autorespond", "x-autoresponder" }) {
			String value = message.header(header);
			if (value != null && !keyword(value).equals("no") && !keyword(value).equals("false")) {
				return hold(InboundOutcome.HELD_AUTO_REPLY, "It carries " + header + ": an automatic reply.");
			}
		}
		String suppress = message.header("x-auto-response-suppress");
		if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|oof|autoreply)\\b.*") && message
			.subject()
			.matches(
					"(?i)^(automatic reply|auto(matische)?[ -]?(reply|antwort|response)|out of (the )?office|abwesenheit).*")) {
			return hold(InboundOutcome.HELD_AUTO_REPLY, "An out-of-office reply.");
		}
		String precedence = message.header("precedence");
		if (precedence != null && Set.of("bulk", "junk", "list", "auto_reply").contains(keyword(precedence))) {
			return hold(keyword(precedence).equals("auto_reply") ? InboundOutcome.HELD_AUTO_REPLY
					: InboundOutcome.HELD_MAILING_LIST, "Precedence: " + keyword(precedence) + ".");
		}
		if (message.hasHeader("list-id")) {
			return hold(InboundOutcome.HELD_MAILING_LIST, "It comes from a mailing list (List-Id).");
		}
		return Optional.empty();
	}

	private static Optional<Hold> hold(InboundOutcome outcome, String reason) {
		return Optional.of(new Hold(outcome, reason));
	}

	private static String keyword(String value) {
		int semicolon = value.indexOf(';');
		return (semicolon >= 0 ? value.substring(0, semicolon) : value).strip().toLowerCase(Locale.ROOT);
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return at < 0 ? email : email.substring(0, at);
	}

	/**
	 * Why a message is held.
	 */
	record Hold(InboundOutcome outcome, String reason) {

	}

}
