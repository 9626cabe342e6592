package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast call in a real browser, as a manager: open the quarter grid, drill into
 * Commit, push a deal's close date out of the quarter inline, adjust a report's Commit
 * with a note (from the keyboard), submit, and see the submission beside the previous
 * one.
 *
 * The previous submission is written a week before the test clock's now, for a manager
 * created by this test: on the shared external database another context may submit in the
 * same minute, but never for this manager, so the minute's unique index can't answer with
 * someone else's submission.
 */
@BrowserTest
class ForecastCallBrowserIT {

	private static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerDrillsPushesADealAdjustsAReportSubmitsAndSeesTheCallBesideThePrevious(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		LocalDate thisQuarter = LocalDate.now(this.clock).plusDays(7);
		Opportunity pushed = deal(rep, "Quay cranes " + suffix, "30000", thisQuarter);
		deal(rep, "Quay lights " + suffix, "10000", thisQuarter);
		previousSubmission(manager, "2026-Q2", new BigDecimal("40000.00"));

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.click(By.id("nav-forecast"));
		browser.visible(By.id("forecast-grid"));
		assertThat(browser.visible(By.id("forecast-scope")).getText()).contains("Q2 FY2026");
		assertThat(browser.visible(By.id("team-" + manager.id() + "-COMMIT")).getText()).isEqualTo("40,000");

		// drill into Commit and push one deal's close date into the next quarter inline
		browser.click(By.id("team-" + manager.id() + "-COMMIT"));
		browser.waitUntil(ExpectedConditions.urlContains("/opportunities"));
		assertThat(browser.path()).contains("team=" + manager.id()).contains("category=COMMIT");
		By closeDate = By.cssSelector("td[data-inline-id='" + pushed.id() + "'][data-inline-field='closeDate']");
		browser.click(closeDate);
		WebElement input = browser
			.visible(By.cssSelector("td[data-inline-id='" + pushed.id() + "'][data-inline-field='closeDate'] input"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
				+ " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", input, "2026-07-15");
		input.sendKeys(Keys.ENTER);
		browser.waitUntil(driver -> !driver.findElement(closeDate).getAttribute("class").contains("bw-inline-editing"));
		assertThat(this.opportunities.get(TestUsers.viewer(manager), pushed.id()).closeDate())
			.isEqualTo(LocalDate.of(2026, 7, 15));

		// back on the grid: the pushed deal no longer counts; adjust the rep's Commit
		browser.open("/forecast");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("team-" + manager.id() + "-COMMIT"),
				"10,000"));
		browser.click(By.id("adjust-" + rep.id() + "-COMMIT"));
		WebElement amount = browser.visible(By.id("adjust-amount-" + rep.id()));
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
			.isEqualTo("adjust-amount-" + rep.id());
		// Escape closes the form, the pencil opens it again
		amount.sendKeys(Keys.ESCAPE);
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("adjust-amount-" + rep.id())));
		browser.click(By.id("adjust-" + rep.id() + "-COMMIT"));
		browser.visible(By.id("adjust-note-" + rep.id())).sendKeys("Procurement wants a second quote");
		amount = browser.visible(By.id("adjust-amount-" + rep.id()));
		amount.sendKeys("8000", Keys.ENTER);
		browser.waitUntil(ExpectedConditions
			.textToBePresentInElementLocated(By.id("person-" + rep.id() + "-COMMIT-adjusted"), "adj. 8,000"));

		// submit: the call beside the previous one
		assertThat(browser.visible(By.id("not-submitted")).getText()).contains(manager.fullName());
		browser.click(By.id("submit-forecast"));
		browser
			.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Forecast submitted."));
		assertThat(browser.visible(By.id("call-" + manager.id() + "-latest")).getText()).contains("8,000");
		assertThat(browser.visible(By.id("call-" + manager.id() + "-previous")).getText()).contains("40,000");
		assertThat(browser.driver().findElements(By.id("not-submitted"))).isEmpty();
		browser.click(By.id("call-" + manager.id() + "-compare"));
		browser.visible(By.id("comparison-table"));
		assertThat(browser.visible(By.id("comparison-table")).getText()).contains("Adjusted commit")
			.contains("-32,000.00");
	}

	private void previousSubmission(User manager, String period, BigDecimal commit) {
		Instant weekAgo = this.clock.instant().minus(7, ChronoUnit.DAYS);
		this.jdbc.sql("""
				insert into forecast_submissions (id, user_id, period_code, submitted_at, submitted_minute, iso_week,
				  closed, commit_amount, best_case, pipeline, omitted, adjusted_commit, adjusted_best_case,
				  adjusted_pipeline, quota)
				values (:id, :user, :period, :at, :minute, :week, 0, :commit, 0, 0, 0, :commit, 0, 0, null)
				""")
			.param("id", UUID.randomUUID())
			.param("user", manager.id())
			.param("period", period)
			.param("at", weekAgo.atOffset(ZoneOffset.UTC))
			.param("minute", weekAgo.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
			.param("week", "2026-W24")
			.param("commit", commit)
			.update();
	}

	private Opportunity deal(User owner, String name, String amount, LocalDate closeDate) {
		Account account = this.accounts.create(TestUsers.viewer(owner), new AccountDetails("Quay " + UUID.randomUUID(),
				null, null, null, null, null, null, null, null, null, null, null, owner.id(), null));
		return this.opportunities.create(TestUsers.viewer(owner), new OpportunityDetails(name, account.id(), null,
				owner.id(), NEGOTIATION, new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

}
