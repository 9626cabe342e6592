package dev.bellwether.browser;

import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service user's cases in a real browser: they land on the case list, open a case
 * (fixing a validation error on the way), answer it publicly and leave an internal note,
 * then take the next case from their queue; each page without serious accessibility
 * problems and no wider than a phone.
 */
@BrowserTest
class CasesBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	@Test
	void aServiceUserOpensAnswersAndTakesTheNextCase(Browser browser) {
		User agent = this.users.create(Role.SERVICE);
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		String tag = UUID.randomUUID().toString().substring(0, 8);
		CaseQueue queue = this.queues.create(admin, "Browser queue " + tag, null, null);
		this.queues.join(admin, queue.id(), agent.id());
		SupportCase waiting = this.cases.open(admin, new CaseDetails("Waiting in the queue " + tag, null, null, null,
				null, CasePriority.URGENT, null, null, queue.id(), null, null));

		browser.signIn(agent.username(), TestUsers.PASSWORD);
		// a service user starts at the service home page, one step from the case list
		assertThat(browser.path()).isEqualTo("/service");
		browser.open("/cases");
		assertThat(browser.seriousAccessibilityViolations()).as("the list").isEmpty();
		assertThat(browser.widthOnAPhone("cases-375px.png")).as("the list fits a phone").isLessThanOrEqualTo(375);

		browser.click(By.id("new-case"));
		browser.click(By.id("save-case"));
		WebElement error = browser.visible(By.cssSelector("#case-form [name=subject] ~ .invalid-feedback"));
		assertThat(error.getText()).isEqualTo("Enter the case's subject.");
		assertThat(browser.seriousAccessibilityViolations()).as("the form with its errors").isEmpty();
		assertThat(browser.widthOnAPhone("case-form-375px.png")).as("the form fits a phone").isLessThanOrEqualTo(375);

		browser.driver().findElement(By.cssSelector("#case-form [name=subject]")).sendKeys("Printer on fire " + tag);
		new Select(browser.driver().findElement(By.cssSelector("#case-form [name=priority]")))
			.selectByVisibleText("High");
		browser.driver()
			.findElement(By.cssSelector("#case-form [name=requesterEmail]"))
			.sendKeys("pat@customer.example");
		browser.click(By.id("save-case"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "Printer on fire " + tag));
		assertThat(browser.visible(By.id("case-status")).getText()).isEqualTo("New");
		assertThat(browser.visible(By.id("case-priority")).getText()).isEqualTo("High");

		browser.visible(By.id("comment-body")).sendKeys("Checked the fuser: it is the toner.");
		browser.click(By.id("comment-internal"));
		browser.click(By.id("add-comment"));
		WebElement note = browser.visible(By.cssSelector(".bw-case-comment-internal"));
		assertThat(note.getText()).contains("Internal note").contains("Checked the fuser");
		assertThat(browser.visible(By.id("first-response")).getText()).isEqualTo("Not yet");

		browser.visible(By.id("comment-body")).sendKeys("We are sending a technician today.");
		browser.click(By.id("comment-public"));
		browser.click(By.id("add-comment"));
		WebElement reply = browser.visible(By.cssSelector(".bw-case-comment-public"));
		assertThat(reply.getText()).contains("Public reply").contains("sending a technician");
		assertThat(browser.visible(By.id("first-response")).getText()).isNotEqualTo("Not yet");
		assertThat(browser.visible(By.id("case-status")).getText()).isEqualTo("Open");
		assertThat(browser.seriousAccessibilityViolations()).as("the record page").isEmpty();
		assertThat(browser.widthOnAPhone("case-375px.png")).as("the record page fits a phone").isLessThanOrEqualTo(375);

		browser.click(By.id("nav-cases"));
		browser.click(By.id("next-case"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"),
				"Waiting in the queue " + tag));
		assertThat(browser.path()).isEqualTo("/cases/" + waiting.id());
		assertThat(browser.visible(By.id("case-owner")).getText()).isEqualTo(agent.fullName());
		assertThat(browser.visible(By.id("case-status")).getText()).isEqualTo("Open");

		browser.open("/cases/queues");
		assertThat(browser.visible(By.id("queues-table")).getText()).contains("Browser queue " + tag)
			.contains(agent.fullName());
		assertThat(browser.seriousAccessibilityViolations()).as("the queues").isEmpty();
		assertThat(browser.widthOnAPhone("case-queues-375px.png")).as("the queues fit a phone")
			.isLessThanOrEqualTo(375);
	}

}
