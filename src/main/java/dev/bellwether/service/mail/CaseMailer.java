package dev.bellwether.service.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.platform.Ids;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.CaseCommented;
import dev.bellwether.service.Cases;
import dev.bellwether.service.CommentSource;
import dev.bellwether.service.SupportCase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Mails an agent's public reply to the case's requester (internal notes never leave
 * Bellwether), and acknowledges a case an e-mail opened, over SMTP when a server is
 * configured ({@code spring.mail.host}). Each message has the {@link CaseToken} in its
 * subject, a Message-ID of Bellwether's own (kept, so the customer's answer finds the
 * case), In-Reply-To and References to the customer's messages, and Bellwether's loop
 * header; an acknowledgement also says {@code Auto-Submitted: auto-replied} (RFC 3834),
 * so well-behaved systems do not answer it. A message that cannot be sent is logged as
 * FAILED on {@code /admin/mailbox}; the reply stays on the case.
 */
@Component
public class CaseMailer {

	private static final Logger log = LoggerFactory.getLogger(CaseMailer.class);

	private static final int MAX_REFERENCES = 20;

	private final Optional<JavaMailSender> sender;

	private final CaseMailLog mailLog;

	private final Cases cases;

	private final String from;

	private final Clock clock;

	@Autowired
	CaseMailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String mailHost,
			CaseMailLog mailLog, Cases cases, MailboxProperties properties,
			@Value("${bellwether.notifications.from:bellwether@localhost}") String notificationsFrom, Clock clock) {
		this(StringUtils.hasText(mailHost) ? Optional.ofNullable(sender.getIfAvailable()) : Optional.empty(), mailLog,
				cases, properties.supportAddress(notificationsFrom), clock);
	}

	/**
	 * @param sender empty when no SMTP server is configured: nothing is sent
	 * @param from the support address
	 */
	CaseMailer(Optional<JavaMailSender> sender, CaseMailLog mailLog, Cases cases, String from, Clock clock) {
		this.sender = sender;
		this.mailLog = mailLog;
		this.cases = cases;
		this.from = from;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseCommented event) {
		if (event.source() == CommentSource.AGENT && !event.internal()) {
			mailReply(event.commentId());
		}
	}

	@ApplicationModuleListener
	void on(CaseMailReceived event) {
		acknowledge(event.caseId(), event.messageId());
	}

	/**
	 * Mails an agent's public comment to the case's requester.
	 * @return the Message-ID it was sent with; empty when nothing was sent (an internal
	 * note, no requester address, no SMTP server, a failure)
	 */
	public Optional<String> mailReply(UUID commentId) {
		Optional<CaseComment> comment = this.cases.comment(commentId);
		if (comment.isEmpty() || comment.get().internal() || comment.get().source() != CommentSource.AGENT) {
			return Optional.empty();
		}
		Optional<SupportCase> supportCase = this.cases.find(comment.get().caseId());
		if (supportCase.isEmpty() || !StringUtils.hasText(supportCase.get().requesterEmail())) {
			return Optional.empty();
		}
		SupportCase c = supportCase.get();
		String text = comment.get().body() + "\n\n-- \nTo answer, reply to this e-mail and keep "
				+ CaseToken.of(c.number()) + " in the subject.\n";
		return send(c, commentId, CaseToken.subject("Re:", c.subject(), c.number()), text,
				this.mailLog.lastReceived(c.id()).orElse(null), false);
	}

	/**
	 * Tells the customer their e-mail opened a case.
	 * @param answered the customer's Message-ID
	 */
	public Optional<String> acknowledge(UUID caseId, String answered) {
		Optional<SupportCase> supportCase = this.cases.find(caseId);
		if (supportCase.isEmpty() || !StringUtils.hasText(supportCase.get().requesterEmail())) {
			return Optional.empty();
		}
		SupportCase c = supportCase.get();
		String text = "Thank you for your message. We have opened case #" + c.number() + " (" + c.subject()
				+ ") and will answer as soon as we can.\n\nTo add anything, reply to this e-mail and keep "
				+ CaseToken.of(c.number()) + " in the subject.\n\n-- \nThis is an automatic reply.\n";
		return send(c, null, CaseToken.subject("Re:", c.subject(), c.number()), text, answered, true);
	}

	private Optional<String> send(SupportCase c, UUID commentId, String subject, String text, String inReplyTo,
			boolean automatic) {
		if (this.sender.isEmpty() || c.requesterEmail().equalsIgnoreCase(this.from)) {
			// never to the support address itself: that is a loop
			return Optional.empty();
		}
		String messageId = Ids.newId() + ".case-" + c.number() + "@" + domain(this.from);
		Instant now = this.clock.instant();
		List<String> references = this.mailLog.threadOf(c.id(), MAX_REFERENCES);
		try {
			MimeMessage message = this.sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(c.requesterEmail());
			helper.setSubject(subject);
			helper.setText(text);
			helper.setSentDate(java.util.Date.from(now));
			message.setHeader("Message-ID", "<" + messageId + ">");
			if (inReplyTo != null) {
				message.setHeader("In-Reply-To", "<" + inReplyTo + ">");
			}
			if (!references.isEmpty()) {
				message.setHeader("References",
						String.join(" ", references.stream().map(id -> "<" + id + ">").toList()));
			}
			message.setHeader(AutomaticMail.CASE_HEADER, Long.toString(c.number()));
			message.setHeader(AutomaticMail.LOOP_HEADER, this.from);
			message.setHeader("X-Auto-Response-Suppress", automatic ? "All" : "OOF, AutoReply");
			if (automatic) {
				message.setHeader("Auto-Submitted", "auto-replied");
			}
			this.sender.get().send(message);
			this.mailLog.recordOutbound(messageId, c.id(), commentId, this.from, c.requesterEmail(), subject, now, true,
					automatic ? "Acknowledgement" : null);
			return Optional.of(messageId);
		}
		catch (MessagingException | MailException ex) {
			log.warn("Could not e-mail case #{} ({}): {}", c.number(), automatic ? "acknowledgement" : "reply",
					ex.getClass().getSimpleName());
			this.mailLog.recordOutbound(messageId, c.id(), commentId, this.from, c.requesterEmail(), subject, now,
					false, "Not sent: " + ex.getClass().getSimpleName() + ". The reply is on the case.");
			return Optional.empty();
		}
	}

	private static String domain(String address) {
		int at = address.lastIndexOf('@');
		String domain = at < 0 ? "localhost" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
		return domain.isEmpty() ? "localhost" : domain;
	}

}
