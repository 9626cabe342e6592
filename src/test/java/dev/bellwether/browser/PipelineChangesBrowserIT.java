package dev.bellwether.browser;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager goes from the pipeline board to what changed, takes a snapshot, and after a
 * rep raises a deal's amount sees it in the waterfall and under "Amount up" with its
 * flag.
 */
@BrowserTest
class PipelineChangesBrowserIT {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aManagerTakesASnapshotAndSeesWhatChangedSince(Browser browser) throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		FiscalPeriod quarter = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		LocalDate today = this.calendar.today();
		LocalDate closing = today.plusDays(3).isAfter(quarter.end()) ? today : today.plusDays(3);
		var viewer = TestUsers.viewer(rep);
		var account = this.accounts.create(viewer, new AccountDetails("Waterfall Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, rep.id(), null));
		Opportunity deal = this.opportunities.create(viewer,
				new OpportunityDetails("Waterfall deal " + UUID.randomUUID(), account.id(), null, rep.id(), PROPOSAL,
						new BigDecimal("40000"), false, closing, null, null, null, null, null, null));

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.open("/pipeline");
		browser.click(By.id("pipeline-changes"));
		browser.waitUntil(ExpectedConditions.urlContains("/pipeline/changes"));
		awaitMinuteWithoutOnDemandSnapshot();
		browser.click(By.cssSelector("#take-snapshot button"));
		browser.waitUntil(ExpectedConditions.urlContains("from="));
		assertThat(browser.visible(By.cssSelector("[role=status]")).getText())
			.contains("Snapshot of the pipeline taken");

		Opportunity current = this.opportunities.get(viewer, deal.id());
		OpportunityDetails details = current.details();
		this.opportunities.update(viewer, deal.id(), current.version(),
				new OpportunityDetails(details.name(), details.accountId(), null, rep.id(), PROPOSAL,
						new BigDecimal("52500"), false, closing, details.probability(), details.forecastCategory(),
						null, null, null, null));
		browser.driver().navigate().refresh();

		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("waterfall-chart"), "data-drawn", "true"));
		assertThat(browser.visible(By.cssSelector("#bucket-totals tr[data-bucket=amount-up]")).getText())
			.contains("Amount up", "1", "12,500.00");
		browser.click(By.cssSelector("#bucket-amount-up summary"));
		assertThat(browser.visible(By.cssSelector("#bucket-amount-up table")).getText()).contains(deal.name(),
				"Amount changed", "No next step");
		Path shot = Path.of("target/browser-screenshots/pipeline-changes.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Every test context's clock starts at the same instant, so on an external database
	 * (shared by the unit and the integration tests) an earlier context may have taken
	 * one in this minute, and the button would rightly answer with that one, taken before
	 * this test's deal existed. Waits, at most a minute, for a minute of its own.
	 */
	private void awaitMinuteWithoutOnDemandSnapshot() throws InterruptedException {
		Instant now = this.clock.instant();
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		boolean taken = this.jdbc
			.sql("select count(*) from pipeline_snapshots where kind = 'ON_DEMAND' and taken_minute = :minute")
			.param("minute", minute.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single() > 0;
		if (taken) {
			Thread.sleep(Duration.between(now, minute.plus(1, ChronoUnit.MINUTES)).plusMillis(200).toMillis());
		}
	}

}
