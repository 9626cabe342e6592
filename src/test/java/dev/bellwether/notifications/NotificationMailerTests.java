package dev.bellwether.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications by e-mail, through a real SMTP server (GreenMail).
 */
class NotificationMailerTests {

	static final Instant AT = Instant.parse("2026-06-17T10:00:00Z");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Test
	void sendsTheMessageWithItsLinkToTheRecipient() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		NotificationMailer mailer = new NotificationMailer(Optional.of(sender), "bellwether@example.com",
				"https://crm.example.com/");
		Notification notification = new Notification(UUID.randomUUID(), UUID.randomUUID(), AT, "WEEKLY_DIGEST",
				"Your team this week", "6 of 8 reps were active.", "/adoption/team", null);

		assertThat(mailer.send("ana@example.com", notification)).isTrue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("[Bellwether] Your team this week");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
		assertThat(GreenMailUtil.getBody(received[0])).contains("6 of 8 reps were active.",
				"https://crm.example.com/adoption/team");
	}

	@Test
	void withoutAServerNothingIsSentAndNothingFails() {
		NotificationMailer off = new NotificationMailer(Optional.empty(), "a@example.com", "http://localhost");
		Notification notification = new Notification(UUID.randomUUID(), UUID.randomUUID(), AT, "X", "T", "B", null,
				null);
		assertThat(off.enabled()).isFalse();
		assertThat(off.send("ana@example.com", notification)).isFalse();

		JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
		unreachable.setHost("localhost");
		unreachable.setPort(1);
		assertThat(new NotificationMailer(Optional.of(unreachable), "a@example.com", "http://localhost")
			.send("ana@example.com", notification)).isFalse();
	}

}
