package dev.bellwether.service.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the support mailbox over IMAP ({@code bellwether.service.mailbox.*}; off unless
 * {@code bellwether.service.mailbox.enabled=true}), on one node (ShedLock). Each unseen
 * message is read without marking it (IMAP "peek"), received in its own transaction
 * ({@link InboundMail#receive}), and only then marked seen, or moved to the processed
 * folder: a message whose receiving fails stays unseen and is tried again at the next
 * poll, and one received twice (a crash between the two steps) is recognised by its
 * Message-ID and opens no second case. A message over the size limit is not downloaded:
 * its headers open the case, with a note that it is in the mailbox. The password is never
 * logged.
 */
@Component
@ConditionalOnProperty(name = "bellwether.service.mailbox.enabled", havingValue = "true")
class MailboxPoller {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final MailboxProperties properties;

	private final InboundMail intake;

	MailboxPoller(MailboxProperties properties, InboundMail intake) {
		this.properties = properties;
		this.intake = intake;
	}

	@Scheduled(fixedDelayString = "${bellwether.service.mailbox.poll-interval:PT1M}",
			initialDelayString = "${bellwether.service.mailbox.poll-interval:PT1M}")
	@SchedulerLock(name = "service.mailbox-poll", lockAtMostFor = "PT15M")
	void scheduledPoll() {
		Polled polled = poll();
		if (polled.received() > 0 || polled.failed() > 0) {
			log.info("Support mailbox: {} message(s) received, {} failed (left unseen)", polled.received(),
					polled.failed());
		}
	}

	/**
	 * What one poll did.
	 */
	record Polled(int received, int failed) {

	}

	Polled poll() {
		String protocol = this.properties.ssl() ? "imaps" : "imap";
		Properties settings = new Properties();
		settings.setProperty("mail." + protocol + ".peek", "true");
		settings.setProperty("mail." + protocol + ".connectiontimeout", "20000");
		settings.setProperty("mail." + protocol + ".timeout", "60000");
		if (!this.properties.ssl()) {
			settings.setProperty("mail.imap.starttls.enable", "true");
		}
		int received = 0;
		int failed = 0;
		try (Store store = Session.getInstance(settings).getStore(protocol)) {
			store.connect(this.properties.host(), this.properties.port(), this.properties.username(),
					this.properties.password());
			Folder inbox = store.getFolder(this.properties.folder());
			inbox.open(Folder.READ_WRITE);
			Folder processed = processedFolder(store);
			try {
				Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (int i = 0; i < Math.min(unseen.length, this.properties.batchSize()); i++) {
					if (receive(unseen[i], inbox, processed)) {
						received++;
					}
					else {
						failed++;
					}
				}
			}
			finally {
				inbox.close(processed != null);
			}
		}
		catch (MessagingException ex) {
			log.warn("Could not poll the support mailbox {}@{}:{} ({}): {}", this.properties.username(),
					this.properties.host(), this.properties.port(), this.properties.folder(), ex.getMessage());
		}
		return new Polled(received, failed);
	}

	private boolean receive(Message message, Folder inbox, Folder processed) {
		try {
			MailReceipt receipt = this.intake.receive(raw(message), MailSource.IMAP);
			if (processed != null) {
				inbox.copyMessages(new Message[] { message }, processed);
				message.setFlag(Flags.Flag.DELETED, true);
			}
			else {
				message.setFlag(Flags.Flag.SEEN, true);
			}
			log.debug("Support mailbox message {}: {}", receipt.messageId(), receipt.outcome());
			return true;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.warn("Could not receive a message from the support mailbox (left unseen, tried again at the next poll)",
					ex);
			return false;
		}
	}

	/**
	 * The message as it came; only its headers and a note when it is over the size limit
	 * (it stays in the mailbox).
	 */
	private byte[] raw(Message message) throws MessagingException, IOException {
		long limit = this.properties.maxMessageSize().toBytes();
		int size = message.getSize();
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
		if (size >= 0 && size > limit && message instanceof MimeMessage mime) {
			for (String line : Collections.list(mime.getAllHeaderLines())) {
				if (!line.regionMatches(true, 0, "Content-", 0, 8)
						&& !line.regionMatches(true, 0, "MIME-Version", 0, 12)) {
					out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			out.write(("Content-Type: text/plain; charset=utf-8\r\n\r\nThis message is "
					+ InboundMailParser.megabytes(size) + ", over Bellwether's limit of "
					+ InboundMailParser.megabytes(limit) + ", so it was not downloaded. It is in the support mailbox, "
					+ "folder " + this.properties.folder() + ".\r\n")
				.getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}
		message.writeTo(out);
		return out.toByteArray();
	}

	private Folder processedFolder(Store store) throws MessagingException {
		String name = this.properties.processedFolder();
		if (name == null || name.isBlank()) {
			return null;
		}
		Folder folder = store.getFolder(name);
		if (!folder.exists()) {
			folder.create(Folder.HOLDS_MESSAGES);
		}
		return folder;
	}

}
