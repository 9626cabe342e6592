package dev.bellwether.notifications;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends a notification by e-mail as well, when an SMTP server is configured. A failure is
 * logged (without the message) and never fails the caller: the notification is in the
 * application either way.
 */
public class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final Optional<JavaMailSender> sender;

	private final String from;

	private final String baseUrl;

	/**
	 * @param sender empty when no SMTP server is configured
	 * @param from the sender's address
	 * @param baseUrl the application's address, for links in messages
	 */
	public NotificationMailer(Optional<JavaMailSender> sender, String from, String baseUrl) {
		this.sender = sender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public boolean enabled() {
		return this.sender.isPresent();
	}

	/**
	 * @return whether the message was handed to the SMTP server
	 */
	public boolean send(String to, Notification notification) {
		if (this.sender.isEmpty() || to == null || to.isBlank()) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject("[Bellwether] " + notification.title());
		String text = notification.body();
		if (notification.link() != null) {
			text += "\n\n" + this.baseUrl + notification.link();
		}
		message.setText(text + "\n\n— Bellwether. Your notifications: " + this.baseUrl + "/notifications\n");
		try {
			this.sender.get().send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not e-mail a {} notification: {}", notification.kind(), ex.getClass().getSimpleName());
			return false;
		}
	}

}
