package dev.bellwether.browser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.mail.InboundMail;
import dev.bellwether.service.mail.InboundOutcome;
import dev.bellwether.service.mail.MailReceipt;
import dev.bellwether.service.mail.MailSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support mailbox page in a real browser: an administrator sees a case opened by
 * e-mail, an automatic reply held and an unreadable message kept, releases the held one,
 * and the page has no serious accessibility problem and fits a phone, also when a filter
 * finds nothing.
 */
@BrowserTest
class MailboxBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	InboundMail intake;

	@Test
	void anAdministratorSeesWhatBecameOfEachMessageAndReleasesAHeldOne(Browser browser) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.intake.receive(message(tag, "Printer down " + tag, ""), MailSource.API);
		MailReceipt held = this.intake.receive(message(tag, "Out of office " + tag, "Auto-Submitted: auto-replied\r\n"),
				MailSource.API);
		assertThat(held.outcome()).isEqualTo(InboundOutcome.HELD_AUTO_REPLY);
		this.intake.receive(("From: ana." + tag + "@customer.example\r\nSubject: Broken " + tag
				+ "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\nno parts\r\n")
			.getBytes(StandardCharsets.UTF_8), MailSource.API);
		User admin = this.users.create(Role.ADMIN);

		browser.signIn(admin.username(), TestUsers.PASSWORD).open("/admin/mailbox");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Support mailbox");
		String table = browser.visible(By.id("mailbox-table")).getText();
		assertThat(table).contains("Printer down " + tag, "Case opened", "Out of office " + tag,
				"Held: automatic reply", "Broken " + tag, "Kept: unreadable");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.widthOnAPhone("admin-mailbox-375px.png")).isLessThanOrEqualTo(375);

		browser.click(By.cssSelector("#mail-" + held.id() + " button[type=submit]"));
		assertThat(browser.visible(By.cssSelector(".alert-success")).getText()).contains("Released", "opened");
		assertThat(browser.visible(By.id("mail-" + held.id())).getText()).contains("Released, case opened");

		browser.open("/admin/mailbox?outcome=HELD_BOUNCE");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(browser.widthOnAPhone("admin-mailbox-filtered-375px.png")).isLessThanOrEqualTo(375);
	}

	private static byte[] message(String tag, String subject, String headers) {
		return ("From: Ana <ana." + tag + "@customer.example>\r\n" + headers + "Subject: " + subject
				+ "\r\nMessage-ID: <" + UUID.randomUUID() + "@customer.example>\r\n\r\nHello.\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

}
