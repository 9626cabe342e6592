package dev.bellwether.browser;

import java.util.List;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-sell in a real browser: an agent opens the case page's "New deal from this case"
 * form and makes a deal (the card shows it), the cross-sell report, and the onboarding
 * rules as an administrator — each page with its heading, no serious accessibility
 * problem, and fitting a phone.
 */
@BrowserTest
class CrossSellBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Cases cases;

	@Test
	void anAgentMakesADealFromACaseAndTheReportAndRulesPagesWork(Browser browser) {
		User rep = this.users.create(Role.REP);
		User agent = this.users.create(Role.SERVICE);
		Account account = this.customers.account(rep, "Pendant " + TestCustomers.tag(), null);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Wants the analytics add-on", null,
				account.id(), null, null, null, null, null, null, null, null));

		browser.signIn(agent.username(), TestUsers.PASSWORD);
		browser.open("/cases/" + c.id());
		browser.click(By.cssSelector("#case-deal-details summary"));
		browser.visible(By.id("deal-amount")).sendKeys("1500");
		assertThat(browser.seriousAccessibilityViolations()).as("the case page with the deal form").isEmpty();
		assertThat(browser.widthOnAPhone("service-case-deal-form-375px.png")).isLessThanOrEqualTo(375);
		browser.click(By.id("case-deal-create"));
		assertThat(browser.visible(By.id("case-deal-made")).getText()).contains("Wants the analytics add-on");
		assertThat(browser.visible(By.id("case-deal-list")).getText()).contains(rep.fullName());
		browser.signOut();

		walk(browser, this.users.create(Role.MANAGER), List.of("/cases/cross-sell", "/cases/cross-sell?by=team"));
		walk(browser, this.users.create(Role.ADMIN), List.of("/admin/onboarding-rules", "/admin/onboarding-rules/new"));
	}

	private static void walk(Browser browser, User user, List<String> pages) {
		browser.signIn(user.username(), TestUsers.PASSWORD);
		for (String page : pages) {
			browser.open(page);
			assertThat(browser.visible(By.tagName("h1")).getText()).as(page + " as " + user.role()).isNotBlank();
			assertThat(browser.seriousAccessibilityViolations()).as(page + " as " + user.role()).isEmpty();
			String shot = user.role().name().toLowerCase() + page.replaceAll("[^a-z0-9-]", "-") + "-375px.png";
			assertThat(browser.widthOnAPhone(shot)).as(page + " on a phone as " + user.role()).isLessThanOrEqualTo(375);
		}
		browser.signOut();
	}

}
