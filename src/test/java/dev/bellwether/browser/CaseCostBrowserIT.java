package dev.bellwether.browser;

import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CaseTime;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of service in a real browser: a service user logs time on a case's "Time and
 * cost" card (a mistake first, shown beside its field), starts the timer, and reads the
 * cost report; an administrator opens the rates. Each page has no serious accessibility
 * problem and fits a phone (375 px), the case page with its card loaded.
 */
@BrowserTest
class CaseCostBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	Cases cases;

	@Autowired
	CaseTime time;

	@Test
	void anAgentLogsTimeAndRunsTheTimerOnTheCardAndReadsTheReport(Browser browser) {
		User agent = this.users.create(Role.SERVICE);
		SupportCase c = this.cases.open(TestUsers.viewer(agent),
				CaseDetails.of("Costed in a browser " + UUID.randomUUID().toString().substring(0, 8)));
		browser.signIn(agent.username(), TestUsers.PASSWORD);
		browser.open("/cases/" + c.id());
		browser.visible(By.id("log-time"));

		setValue(browser, "timeDate", this.time.today().toString());
		browser.visible(By.id("minutes")).sendKeys("2000");
		browser.click(By.id("log-time"));
		assertThat(browser.visible(By.id("minutes-error")).getText()).contains("1,440");

		browser.visible(By.id("minutes")).clear();
		browser.visible(By.id("minutes")).sendKeys("45");
		setValue(browser, "timeDate", this.time.today().toString());
		browser.click(By.id("log-time"));
		assertThat(browser.visible(By.id("cost-success")).getText()).isEqualTo("Time logged.");
		assertThat(browser.visible(By.id("cost-minutes")).getText()).isEqualTo("45 min");

		browser.click(By.id("timer-start"));
		assertThat(browser.visible(By.id("timer-running")).getText()).contains("Timer running");
		browser.visible(By.id("timer-stop"));
		check(browser, "/cases/{id} as SERVICE", "service-case-cost-375px.png");

		for (String page : List.of("/cases/cost", "/cases/cost?by=month", "/cases/" + c.id() + "/cost")) {
			browser.open(page);
			assertThat(browser.visible(By.tagName("h1")).getText()).as(page).isNotBlank();
			check(browser, page, "service" + page.replaceAll("[^a-z0-9-]", "-") + "-375px.png");
		}
		browser.signOut();

		User admin = this.users.create(Role.ADMIN);
		browser.signIn(admin.username(), TestUsers.PASSWORD);
		browser.open("/admin/service-cost-rates");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Service cost rates");
		check(browser, "/admin/service-cost-rates", "admin-service-cost-rates-375px.png");
		browser.signOut();
	}

	private static void check(Browser browser, String page, String shot) {
		assertThat(browser.seriousAccessibilityViolations()).as(page).isEmpty();
		assertThat(browser.widthOnAPhone(shot)).as(page + " on a phone").isLessThanOrEqualTo(375);
	}

	private static void setValue(Browser browser, String id, String value) {
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id(id)));
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
	}

}
