package dev.bellwether.browser;

import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
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
 * Issue 17's set-up and report pages walked in a real browser by each role they serve:
 * SLA policies (administrators change them, service users read them), a case with its SLA
 * countdown, and satisfaction as a service user and an executive. Each page shows its
 * heading, has no serious accessibility problem and fits a phone.
 */
@BrowserTest
class ServicePagesBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	Cases cases;

	@Test
	void everyServiceSetUpAndReportPageWorksForTheRolesItServes(Browser browser) {
		User agent = this.users.create(Role.SERVICE);
		SupportCase c = this.cases.open(TestUsers.viewer(agent),
				CaseDetails.of("Clock is ticking " + UUID.randomUUID().toString().substring(0, 8)));
		walk(browser, this.users.create(Role.ADMIN), List.of("/admin/sla-policies", "/admin/sla-policies/new"));
		walk(browser, agent, List.of("/admin/sla-policies", "/cases/" + c.id(), "/cases/satisfaction"));
		walk(browser, this.users.create(Role.EXECUTIVE), List.of("/cases/satisfaction?by=team"));
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
