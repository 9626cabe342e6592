package dev.bellwether.service.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.service.CaseAttachments;
import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.Cases;
import dev.bellwether.service.InboundCase;
import dev.bellwether.service.SupportCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a raw message received for the support mailbox (polled, or posted to the API) and
 * decides its fate, once per Message-ID: unreadable, without a sender, automatic
 * (auto-reply, bounce, list, loop) or one too many from its sender — each kept as
 * received for an administrator, opening nothing and answered by nothing — else a reply
 * into its case (by its reference headers, then the {@link CaseToken} in its subject) or
 * a new case. Attachments go to the case; one over 20 MB is left out with a note on the
 * case.
 */
@Service
@EnableConfigurationProperties(MailboxProperties.class)
public class InboundMail {

	private static final Logger log = LoggerFactory.getLogger(InboundMail.class);

	/** Bellwether's own Message-IDs name their case: {@code <…​.case-1042@domain>}. */
	/**
	 * An address a case can be opened for (as {@link Cases#openFromCustomer} requires).
	 */
	private static final Pattern ANSWERABLE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern OUR_MESSAGE_ID = Pattern.compile("\\.case-(\\d{1,15})@");

	private final CaseMailLog mailLog;

	private final Cases cases;

	private final CaseAttachments attachments;

	private final MailboxProperties properties;

	private final AutomaticMail automatic;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InboundMail(CaseMailLog mailLog, Cases cases, CaseAttachments attachments, MailboxProperties properties,
			@Value("${bellwether.notifications.from:bellwether@localhost}") String notificationsFrom,
			ApplicationEventPublisher events, Clock clock) {
		this.mailLog = mailLog;
		this.cases = cases;
		this.attachments = attachments;
		this.properties = properties;
		this.automatic = new AutomaticMail(properties.ownAddresses(notificationsFrom));
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Receives one message, in its own transaction: a message seen before (by Message-ID)
	 * does nothing again.
	 */
	@Transactional
	public MailReceipt receive(byte[] raw, MailSource source) {
		Instant now = this.clock.instant();
		InboundMessage message;
		try {
			message = InboundMailParser.parse(raw);
		}
		catch (UnreadableMailException ex) {
			InboundMailParser.Envelope envelope = InboundMailParser.envelope(raw);
			return seenBefore(envelope.messageId()).orElseGet(() -> keep(envelope.messageId(), envelope.sender(),
					envelope.subject(), now, InboundOutcome.UNREADABLE, ex.getMessage(), source, raw));
		}
		Optional<MailReceipt> before = seenBefore(message.messageId());
		if (before.isPresent()) {
			return before.get();
		}
		if (message.sender() == null) {
			return keep(message, now, InboundOutcome.NO_SENDER,
					"No From, Reply-To, Sender or Return-Path names an address to answer.", source, raw);
		}
		if (!ANSWERABLE.matcher(message.sender().email()).matches()) {
			return keep(message, now, InboundOutcome.NO_SENDER,
					"The sender's address " + message.sender().email() + " cannot be answered.", source, raw);
		}
		Optional<AutomaticMail.Hold> hold = this.automatic.check(message);
		if (hold.isPresent()) {
			return keep(message, now, hold.get().outcome(), hold.get().reason(), source, raw);
		}
		long recent = this.mailLog.receivedFrom(message.sender().email(), now.minus(this.properties.senderWindow()));
		if (recent >= this.properties.senderLimit()) {
			return keep(message, now, InboundOutcome.HELD_RATE_LIMIT,
					"More than " + this.properties.senderLimit() + " messages from " + message.sender().email()
							+ " within " + this.properties.senderWindow().toMinutes() + " minutes.",
					source, raw);
		}
		return intoCase(message, now, source, raw, InboundOutcome.CASE_OPENED);
	}

	/**
	 * Lets a held message through: it joins its case or opens one, as if it had not been
	 * held (no acknowledgement is sent).
	 * @throws RecordNotFoundException when there is no such held message
	 * @throws InvalidInputException when it cannot be released (no sender, unreadable,
	 * released already)
	 */
	@Transactional
	public MailReceipt release(UUID id, UUID actorId) {
		MailboxEntry entry = this.mailLog.get(id)
			.filter(found -> "IN".equals(found.direction()))
			.orElseThrow(() -> new RecordNotFoundException("mail", id));
		if (!entry.releasable()) {
			throw new InvalidInputException("message", entry.inboundOutcome() == InboundOutcome.HELD_LOOP
					? "A message held as a mail loop cannot be released: answering it would start the loop again."
					: "Only a held message can be released; this one is " + entry.inboundOutcome().label() + ".");
		}
		byte[] raw = this.mailLog.raw(id).orElseThrow(() -> new RecordNotFoundException("mail", id));
		InboundMessage message;
		try {
			message = InboundMailParser.parse(raw);
		}
		catch (UnreadableMailException ex) {
			throw new InvalidInputException("message", ex.getMessage());
		}
		Instant now = this.clock.instant();
		Placed placed = place(message);
		this.mailLog.markReleased(id, placed.caseId(), placed.commentId(), actorId, now);
		log.info("Held message {} released into case #{}", id, placed.number());
		return new MailReceipt(id, entry.messageId(), InboundOutcome.RELEASED, placed.caseId(), placed.number(), false,
				null);
	}

	/**
	 * The most recent messages received and sent, for {@code /admin/mailbox}.
	 * @param outcome only those with this outcome (an {@link InboundOutcome}, SENT or
	 * FAILED), or all
	 */
	@Transactional(readOnly = true)
	public List<MailboxEntry> recent(String outcome, int limit) {
		return this.mailLog.recent(outcome, limit);
	}

	/** A kept message as it was received, for an administrator to read or download. */
	@Transactional(readOnly = true)
	public Optional<byte[]> original(UUID id) {
		return this.mailLog.raw(id);
	}

	@Transactional(readOnly = true)
	public Optional<MailboxEntry> entry(UUID id) {
		return this.mailLog.get(id);
	}

	private Optional<MailReceipt> seenBefore(String messageId) {
		// the same message posted twice at once: the second waits for the first, then
		// finds it
		this.mailLog.lock(messageId);
		return this.mailLog.byMessageId(messageId)
			.map(entry -> entry.inbound()
					? new MailReceipt(entry.id(), entry.messageId(), entry.inboundOutcome(), entry.caseId(),
							entry.caseNumber(), true, entry.detail())
					// our own message, come back: never received as a customer's
					: new MailReceipt(entry.id(), entry.messageId(), InboundOutcome.HELD_LOOP, entry.caseId(),
							entry.caseNumber(), true, "Bellwether sent this message itself."));
	}

	private MailReceipt keep(InboundMessage message, Instant now, InboundOutcome outcome, String reason,
			MailSource source, byte[] raw) {
		return keep(message.messageId(), message.sender(), message.subject(), now, outcome, reason, source, raw);
	}

	private MailReceipt keep(String messageId, MailAddress sender, String subject, Instant now, InboundOutcome outcome,
			String reason, MailSource source, byte[] raw) {
		UUID id = Ids.newId();
		this.mailLog.recordInbound(id, messageId, sender, subject, now, outcome, reason, source, null, null, raw,
				raw.length);
		log.info("Inbound message {} kept: {} ({})", id, outcome, reason);
		return new MailReceipt(id, messageId, outcome, null, null, false, reason);
	}

	private MailReceipt intoCase(InboundMessage message, Instant now, MailSource source, byte[] raw,
			InboundOutcome opened) {
		Placed placed = place(message);
		UUID id = Ids.newId();
		InboundOutcome outcome = placed.threaded() ? InboundOutcome.THREADED : opened;
		this.mailLog.recordInbound(id, message.messageId(), message.sender(), message.subject(), now, outcome,
				placed.note(), source, placed.caseId(), placed.commentId(), null, raw.length);
		if (outcome == InboundOutcome.CASE_OPENED && this.properties.acknowledge()) {
			this.events.publishEvent(new CaseMailReceived(placed.caseId(), id, message.messageId()));
		}
		return new MailReceipt(id, message.messageId(), outcome, placed.caseId(), placed.number(), false,
				placed.note());
	}

	/**
	 * Where the message goes: added to the case it answers, else a new case.
	 */
	private Placed place(InboundMessage message) {
		Optional<SupportCase> existing = caseAnswered(message);
		UUID commentId = null;
		SupportCase supportCase;
		boolean threaded;
		if (existing.isPresent()) {
			supportCase = existing.get();
			String text = message.replyText();
			CaseComment reply = this.cases.addCustomerReply(supportCase.id(), message.sender().email(),
					text.isBlank() ? "(No text; see the attachments.)" : text);
			commentId = reply.id();
			threaded = true;
		}
		else {
			supportCase = this.cases.openFromCustomer(new InboundCase(CaseChannel.EMAIL, message.sender().email(),
					message.sender().name(), message.subject(), message.text()));
			threaded = false;
		}
		String note = attach(supportCase.id(), commentId, message);
		return new Placed(supportCase.id(), supportCase.number(), commentId, threaded, note);
	}

	/**
	 * The case a message answers: by its In-Reply-To and References (Message-IDs
	 * Bellwether sent or received for a case), then by the token in its subject.
	 */
	Optional<SupportCase> caseAnswered(InboundMessage message) {
		List<String> ids = message.threadIds();
		Optional<SupportCase> byReference = this.mailLog.caseOfAny(ids).flatMap(this.cases::find);
		if (byReference.isPresent()) {
			return byReference;
		}
		for (String id : ids) {
			Matcher ours = OUR_MESSAGE_ID.matcher(id);
			if (ours.find()) {
				Optional<SupportCase> named = this.cases.byNumber(Long.parseLong(ours.group(1)));
				if (named.isPresent()) {
					return named;
				}
			}
		}
		OptionalLong token = CaseToken.find(message.subject());
		return token.isPresent() ? this.cases.byNumber(token.getAsLong()) : Optional.empty();
	}

	/**
	 * Stores the message's attachments on the case; says on the case which were left out.
	 * @return the note on what was left out, if anything
	 */
	private String attach(UUID caseId, UUID commentId, InboundMessage message) {
		StringBuilder left = new StringBuilder();
		for (MailAttachment attachment : message.attachments()) {
			try {
				this.attachments.attachFromCustomer(caseId, commentId, attachment.fileName(), attachment.contentType(),
						attachment.content());
			}
			catch (InvalidInputException ex) {
				append(left, "The attachment \"" + attachment.fileName() + "\" was not added: " + ex.getMessage());
			}
		}
		for (RefusedAttachment refused : message.refusedAttachments()) {
			append(left, refused.note());
		}
		if (left.isEmpty()) {
			return null;
		}
		this.cases.addSystemNote(caseId,
				left + "\nThe e-mail itself was received in full; ask the customer for the file another way.", true);
		return left.toString();
	}

	private static void append(StringBuilder text, String line) {
		if (!text.isEmpty()) {
			text.append('\n');
		}
		text.append(line);
	}

	private record Placed(UUID caseId, long number, UUID commentId, boolean threaded, String note) {

	}

}
