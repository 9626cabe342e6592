package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline edit and bulk actions in a real browser, as a rep: change a deal's amount in the
 * list (a wrong value explained in place, Escape cancelling), then set the next step of
 * two deals at once from the bulk bar, and undo it.
 */
@BrowserTest
class InlineEditAndBulkBrowserIT {

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	@Test
	void editsACellInPlaceAndChangesTwoDealsAtOnce(Browser browser) {
		User rep = this.users.create(Role.REP);
		String marker = "Inline " + UUID.randomUUID().toString().substring(0, 8);
		UUID account = this.accounts
			.create(TestUsers.viewer(rep),
					new AccountDetails(marker + " Ltd", null, null, null, null, null, null, null, null, null, null,
							null, rep.id(), null))
			.id();
		List<Opportunity> deals = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			deals.add(this.opportunities.create(TestUsers.viewer(rep),
					new OpportunityDetails(marker + " deal " + i, account, null, rep.id(), PROSPECTING,
							new BigDecimal("1000"), false, LocalDate.now(this.clock).plusMonths(1), null, null, null,
							null, null, null)));
		}
		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/opportunities?q=" + marker.replace(' ', '+'));

		By amount = By.cssSelector("td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='amount']");
		browser.click(amount);
		WebElement input = browser.visible(
				By.cssSelector("td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='amount'] input"));
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "lots", Keys.ENTER);
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
				"td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='amount'] .bw-inline-message"),
				"is not a number"));
		input.sendKeys(Keys.ESCAPE);
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(amount, "1,000"));

		browser.click(amount);
		input = browser.visible(
				By.cssSelector("td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='amount'] input"));
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "25000", Keys.ENTER);
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(amount, "25,000"));
		assertThat(this.opportunities.get(TestUsers.viewer(rep), deals.get(0).id()).amount())
			.isEqualByComparingTo("25000");

		for (Opportunity deal : deals) {
			browser.click(By.cssSelector("input[name='ids'][value='" + deal.id() + "']"));
		}
		browser.visible(By.id("bulk-form"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selected"), "2 selected"));
		browser.waitUntil(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk-field option[value='nextStep']")));
		new Select(browser.visible(By.id("bulk-field"))).selectByValue("nextStep");
		browser.visible(By.id("bulk-new-value")).sendKeys("Pipeline review");
		browser.click(By.id("bulk-apply"));
		browser.waitUntil(ExpectedConditions.urlContains("/bulk/"));
		assertThat(browser.visible(By.id("bulk-status")).getText()).contains("2 changed");
		assertThat(this.opportunities.get(TestUsers.viewer(rep), deals.get(1).id()).nextStep())
			.isEqualTo("Pipeline review");

		browser.click(By.id("bulk-undo"));
		browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-status"), "2 reverted"));
		assertThat(this.opportunities.get(TestUsers.viewer(rep), deals.get(1).id()).nextStep()).isNull();
	}

	@Test
	void movesTwoDealsToALostStageWithTheLossReasonTheBulkBarAsksFor(Browser browser) {
		User rep = this.users.create(Role.REP);
		String marker = "Lost " + UUID.randomUUID().toString().substring(0, 8);
		UUID account = this.accounts
			.create(TestUsers.viewer(rep),
					new AccountDetails(marker + " Ltd", null, null, null, null, null, null, null, null, null, null,
							null, rep.id(), null))
			.id();
		List<Opportunity> deals = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			deals.add(this.opportunities.create(TestUsers.viewer(rep),
					new OpportunityDetails(marker + " deal " + i, account, null, rep.id(), PROSPECTING,
							new BigDecimal("1000"), false, LocalDate.now(this.clock).plusMonths(1), null, null, null,
							null, null, null)));
		}
		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/opportunities?q=" + marker.replace(' ', '+'));
		for (Opportunity deal : deals) {
			browser.click(By.cssSelector("input[name='ids'][value='" + deal.id() + "']"));
		}
		browser.waitUntil(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk-field option[value='stageId']")));
		new Select(browser.visible(By.id("bulk-field"))).selectByValue("stageId");
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("bulk-reason")));
		new Select(browser.visible(By.id("bulk-new-value"))).selectByValue(LOST.toString());
		new Select(browser.visible(By.id("bulk-reason"))).selectByVisibleText("No budget this year");
		browser.click(By.id("bulk-apply"));
		browser.waitUntil(ExpectedConditions.urlContains("/bulk/"));
		assertThat(browser.visible(By.id("bulk-status")).getText()).contains("2 changed");
		assertThat(browser.visible(By.id("bulk-summary")).getText()).contains("Loss reason: No budget this year");
		for (Opportunity deal : deals) {
			Opportunity lost = this.opportunities.get(TestUsers.viewer(rep), deal.id());
			assertThat(lost.stageId()).isEqualTo(LOST);
			assertThat(lost.lossReason()).isEqualTo("No budget this year");
		}
	}

}
