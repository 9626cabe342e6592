package dev.bellwether.browser;

import java.util.List;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's set-up and report pages, walked in a real browser by each role they serve:
 * speed to lead and its targets, assignment rules, web forms and the funnel as marketing;
 * speed to lead and the funnel as a manager; the business calendar as an administrator.
 * Each page shows its heading, has no serious accessibility problem and fits a phone.
 */
@BrowserTest
class MarketingSetupPagesBrowserIT {

	@Autowired
	TestUsers users;

	@Test
	void everyMarketingSetUpAndReportPageWorksForTheRolesItServes(Browser browser) {
		walk(browser, this.users.create(Role.MARKETING),
				List.of("/leads/speed", "/leads/speed/targets", "/leads/assignment-rules",
						"/leads/assignment-rules/new", "/leads/forms", "/leads/forms/new", "/marketing/funnel"));
		walk(browser, this.users.create(Role.MANAGER), List.of("/leads/speed", "/marketing/funnel"));
		walk(browser, this.users.create(Role.ADMIN), List.of("/admin/business-calendar"));
	}

	private static void walk(Browser browser, User user, List<String> pages) {
		browser.signIn(user.username(), TestUsers.PASSWORD);
		for (String page : pages) {
			browser.open(page);
			assertThat(browser.visible(By.tagName("h1")).getText()).as(page + " as " + user.role()).isNotBlank();
			assertThat(browser.seriousAccessibilityViolations()).as(page + " as " + user.role()).isEmpty();
			assertThat(browser.widthOnAPhone(user.role().name().toLowerCase() + page.replace('/', '-') + "-375px.png"))
				.as(page + " on a phone as " + user.role())
				.isLessThanOrEqualTo(375);
		}
		browser.signOut();
	}

}
