package dev.bellwether.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager opens the analytics from the navigation: the charts are drawn, the page has
 * no serious accessibility violation and fits a phone, and a funnel figure opens the
 * deals behind it (all three created today in Qualification reached it).
 */
@BrowserTest
class AnalyticsBrowserIT {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final UUID QUALIFICATION = UUID.fromString("01900000-0000-7000-8000-000000000002");

	private static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	private static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Test
	void aManagerReadsTheAnalyticsAndOpensTheDealsBehindAFigure(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		deal(rep, "Harbour cranes", WON, null);
		deal(rep, "Dock software", LOST, "No budget this year");
		Opportunity open = deal(rep, "Port sensors", QUALIFICATION, null);

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(1280, 1000));
		browser.open("/");
		browser.click(By.id("nav-analytics"));
		browser.visible(By.id("analytics-headline"));
		browser.waitUntil(driver -> "true".equals(driver.findElement(By.id("trend-chart")).getAttribute("data-drawn")));
		assertThat(browser.visible(By.id("figure-win-rate")).getText()).contains("50.0%").contains("1 won of 2 closed");
		screenshot(browser, "analytics-1280px.png");
		assertThat(((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("nothing scrolls sideways at 1280 px, the navigation bar included")
			.isLessThanOrEqualTo(0);
		assertNoSeriousViolations(browser);

		browser.click(By.cssSelector("#funnel-table tbody tr:nth-child(2) a"));
		browser.visible(By.id("analytics-deals"));
		assertThat(browser.path()).startsWith("/analytics/deals");
		assertThat(browser.visible(By.id("analytics-deals")).getText()).contains("Port sensors")
			.contains("Harbour cranes")
			.contains("Dock software");
		assertNoSeriousViolations(browser);
		browser.click(By.linkText("Port sensors"));
		assertThat(browser.path()).isEqualTo("/opportunities/" + open.id());

		browser.driver().manage().window().setSize(new Dimension(375, 900));
		browser.open("/analytics");
		browser.visible(By.id("analytics-headline"));
		screenshot(browser, "analytics-375px.png");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the page is no wider than the phone")
			.isLessThanOrEqualTo(375);
	}

	private static void assertNoSeriousViolations(Browser browser) {
		Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (BLOCKING.contains(rule.getImpact())) {
				for (CheckedNode node : rule.getNodes()) {
					found.add(rule.getId() + " " + rule.getHelp() + " at " + node.getTarget() + " " + node.getHtml());
				}
			}
		}
		assertThat(found).as("serious and critical axe-core violations of %s", browser.path()).isEmpty();
	}

	private static void screenshot(Browser browser, String name) {
		try {
			Path file = Path.of("target", "browser", name);
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Opportunity deal(User owner, String name, UUID stage, String lossReason) {
		Viewer viewer = TestUsers.viewer(owner);
		UUID account = this.accounts
			.create(viewer,
					new AccountDetails("Analytics Browser Co " + UUID.randomUUID(), null, null, null, null, null, null,
							null, null, null, null, null, owner.id(), null))
			.id();
		// created today (2026-06-17), in Qualification; closing today puts it in 2026-Q2,
		// the current quarter the page opens on
		Opportunity deal = this.opportunities.create(viewer,
				new OpportunityDetails(name, account, null, owner.id(), QUALIFICATION, new BigDecimal("1000.00"), false,
						LocalDate.of(2026, 9, 30), null, null, null, null, null, null));
		if (!stage.equals(QUALIFICATION)) {
			deal = this.opportunities.changeStage(viewer, deal.id(), stage, deal.version(), lossReason);
		}
		return deal;
	}

}
