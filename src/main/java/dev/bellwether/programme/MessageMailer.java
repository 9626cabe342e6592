package dev.bellwether.programme;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mails the programme's EMAIL messages when an SMTP server is configured
 * ({@code spring.mail.host}), in the sender's name, with the link that records the read
 * receipt. A failure is logged without the address and reported to the caller.
 */
@Component
class MessageMailer {

	private static final Logger log = LoggerFactory.getLogger(MessageMailer.class);

	private final Optional<JavaMailSender> sender;

	private final String from;

	private final String baseUrl;

	@Autowired
	MessageMailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String mailHost,
			@Value("${bellwether.notifications.from:bellwether@localhost}") String from,
			@Value("${bellwether.base-url:http://localhost:8080}") String baseUrl) {
		this(StringUtils.hasText(mailHost) ? Optional.ofNullable(sender.getIfAvailable()) : Optional.empty(), from,
				baseUrl);
	}

	MessageMailer(Optional<JavaMailSender> sender, String from, String baseUrl) {
		this.sender = sender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	boolean enabled() {
		return this.sender.isPresent();
	}

	/**
	 * @return whether the message was handed to the SMTP server
	 */
	boolean send(String to, String senderName, String title, String body, String link) {
		if (this.sender.isEmpty() || to == null || to.isBlank()) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(title);
		message.setText(body + "\n\n— " + senderName + "\n\nRead it in Bellwether: " + this.baseUrl + link + "\n");
		try {
			this.sender.get().send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not e-mail a programme message: {}", ex.getClass().getSimpleName());
			return false;
		}
	}

}
