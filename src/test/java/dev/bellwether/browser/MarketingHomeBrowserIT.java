package dev.bellwether.browser;

import java.util.Map;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketing user signs in and lands on the marketing home page, whose funnel chart is
 * drawn; a click on the chart's first bar opens the list of the leads behind it, and the
 * funnel page is one click from there. Both pages pass axe-core and fit a phone.
 */
@BrowserTest
class MarketingHomeBrowserIT {

	/** Where, in the canvas's own pixels, the middle of a bar of the chart is drawn. */
	private static final String BAR_CENTRE = """
			var chart = window.Chart.getChart(arguments[0]);
			var bar = chart.getDatasetMeta(0).data[arguments[1]];
			return {x: bar.x, y: (bar.y + bar.base) / 2, width: arguments[0].clientWidth, height: arguments[0].clientHeight};
			""";

	@Autowired
	TestUsers users;

	@Autowired
	Leads leads;

	@Test
	void aMarketingUserLandsOnTheirHomeAndDrillsFromTheFunnelChartIntoLeads(Browser browser) {
		String tag = TestCustomers.tag();
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);
		// a lead of this year, so the funnel's first bar is drawn
		this.leads.create(TestUsers.viewer(marketing), new LeadDetails("Hana", "Homebrowser " + tag, "Home Ltd", null,
				null, null, null, "Web", null, null, rep.id(), null));

		browser.signIn(marketing.username(), TestUsers.PASSWORD);
		assertThat(browser.path()).as("marketing starts at their own home page").isIn("/", "");
		browser.visible(By.id("counter-waiting"));
		browser.visible(By.id("leads-waiting"));
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("funnel-chart"), "data-drawn", "true"));
		assertThat(browser.seriousAccessibilityViolations()).as("the marketing home page").isEmpty();
		assertThat(browser.widthOnAPhone("marketing-home-375px.png")).as("the marketing home page on a phone")
			.isLessThanOrEqualTo(375);

		WebElement canvas = browser.driver().findElement(By.id("funnel-chart"));
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", canvas);
		// the chart animates its bars in: wait until the first one has its full height
		browser.waitUntil(driver -> animationDone(browser, canvas));
		Map<?, ?> bar = bar(browser, canvas, 0);
		int dx = (int) Math.round(number(bar, "x") - number(bar, "width") / 2);
		int dy = (int) Math.round(number(bar, "y") - number(bar, "height") / 2);
		new Actions(browser.driver()).moveToElement(canvas, dx, dy).click().perform();

		browser.waitUntil(ExpectedConditions.urlContains("/marketing/funnel/leads"));
		assertThat(browser.path()).contains("stage=LEAD");
		assertThat(browser.visible(By.id("funnel-leads-title")).getText()).isEqualTo("Leads at the Lead stage");
		browser.visible(By.id("funnel-leads"));
		assertThat(browser.seriousAccessibilityViolations()).as("the funnel's list of leads").isEmpty();

		browser.click(By.id("back-to-funnel"));
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("funnel-chart"), "data-drawn", "true"));
		browser.visible(By.id("funnel-total"));
		browser.visible(By.id("funnel-leaks"));
		assertThat(browser.seriousAccessibilityViolations()).as("the funnel page").isEmpty();
		assertThat(browser.widthOnAPhone("marketing-funnel-375px.png")).as("the funnel page on a phone")
			.isLessThanOrEqualTo(375);
	}

	private static Map<?, ?> bar(Browser browser, WebElement canvas, int index) {
		return (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeScript(BAR_CENTRE, canvas, index);
	}

	private static boolean animationDone(Browser browser, WebElement canvas) {
		return Boolean.TRUE.equals(
				((JavascriptExecutor) browser.driver()).executeScript(
						"var c = window.Chart.getChart(arguments[0]);"
								+ " return !!c && !(window.Chart.animator && window.Chart.animator.running(c));",
						canvas));
	}

	private static double number(Map<?, ?> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

}
