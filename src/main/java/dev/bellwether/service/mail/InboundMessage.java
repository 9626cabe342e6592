package dev.bellwether.service.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message received for the support mailbox, as read from its raw form
 * ({@link InboundMailParser}).
 *
 * @param messageId its Message-ID without angle brackets; one made up from its content
 * when it has none
 * @param sender who wrote it: From, else Reply-To, else Sender, else Return-Path;
 * {@code null} when none names an address
 * @param subject the decoded subject ("" when there is none)
 * @param text the body as plain text (HTML converted), the quoted history included
 * @param inReplyTo the Message-IDs of In-Reply-To
 * @param references the Message-IDs of References, oldest first
 * @param headers the top-level headers, names in lower case, values unfolded
 * @param sentAt the Date header, if it could be read
 */
public record InboundMessage(String messageId, MailAddress sender, String subject, String text, List<String> inReplyTo,
		List<String> references, List<MailAttachment> attachments, List<RefusedAttachment> refusedAttachments,
		Map<String, List<String>> headers, Instant sentAt) {

	public InboundMessage {
		inReplyTo = List.copyOf(inReplyTo);
		references = List.copyOf(references);
		attachments = List.copyOf(attachments);
		refusedAttachments = List.copyOf(refusedAttachments);
		headers = Map.copyOf(headers);
	}

	/**
	 * The first value of a header, {@code null} when the message has none.
	 */
	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	public boolean hasHeader(String name) {
		return this.headers.containsKey(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The Message-IDs this message answers, the most recent first: In-Reply-To, then
	 * References from the newest.
	 */
	public List<String> threadIds() {
		List<String> ids = new ArrayList<>(this.inReplyTo);
		for (int i = this.references.size() - 1; i >= 0; i--) {
			if (!ids.contains(this.references.get(i))) {
				ids.add(this.references.get(i));
			}
		}
		return ids;
	}

	/** The text without the quoted history of earlier messages ({@link ReplyHistory}). */
	public String replyText() {
		return ReplyHistory.trim(this.text);
	}

}
