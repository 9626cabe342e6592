package dev.bellwether.browser;

import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CaseStatus;
import dev.bellwether.service.CaseSurvey;
import dev.bellwether.service.CaseSurveys;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolved case's survey answered by its customer in a real browser, without signing in
 * (the answer clicked in the e-mail already chosen, a comment added, sent once; the link
 * then thanks them again, a forged one says it is not valid), and the answer in the
 * satisfaction report as the agent's manager sees it. Each page without serious
 * accessibility problems and no wider than a phone.
 */
@BrowserTest
class SatisfactionBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	Cases cases;

	@Autowired
	CaseSurveys surveys;

	@Test
	void aCustomerAnswersTheSurveyAndTheManagerSeesItInTheReport(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		String tag = UUID.randomUUID().toString().substring(0, 8);
		SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Invoice missing " + tag, null, null,
				null, null, null, null, agent.id(), null, "pat." + tag + "@customer.example", "Pat"));
		this.cases.changeStatus(agent.id(), c.id(), CaseStatus.OPEN);
		this.cases.changeStatus(agent.id(), c.id(), CaseStatus.RESOLVED);
		CaseSurvey survey = this.surveys.ofCase(c.id()).get(0);
		String link = "/survey/" + this.surveys.token(survey.id());

		browser.open(link + "?csat=4");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("How did we do?");
		assertThat(browser.driver().findElement(By.id("csat-4")).isSelected()).as("the e-mail's answer chosen")
			.isTrue();
		assertThat(browser.seriousAccessibilityViolations()).as("the survey").isEmpty();
		assertThat(browser.widthOnAPhone("survey-375px.png")).as("the survey fits a phone").isLessThanOrEqualTo(375);
		browser.click(By.cssSelector("label[for=nps-9]"));
		browser.visible(By.id("comment")).sendKeys("Sorted in a day " + tag);
		browser.click(By.id("send-survey"));
		assertThat(browser.visible(By.cssSelector("#survey-answered h1")).getText()).isEqualTo("Thank you");
		assertThat(browser.seriousAccessibilityViolations()).as("the thanks").isEmpty();

		browser.open(link);
		assertThat(browser.visible(By.cssSelector("#survey-answered h1")).getText())
			.isEqualTo("You have answered already");
		browser.open("/survey/made-up.link");
		assertThat(browser.visible(By.cssSelector("#survey-invalid h1")).getText())
			.isEqualTo("This survey link is not valid");

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.open("/cases/satisfaction?by=agent");
		assertThat(browser.visible(By.id("total-csat")).getText()).isEqualTo("100.0 %");
		assertThat(browser.visible(By.id("total-nps")).getText()).isEqualTo("100.0");
		assertThat(browser.visible(By.id("satisfaction-rows")).getText()).contains(agent.fullName());
		assertThat(browser.visible(By.id("satisfaction-comments")).getText()).contains("Sorted in a day " + tag);
		assertThat(browser.seriousAccessibilityViolations()).as("the report").isEmpty();
		assertThat(browser.widthOnAPhone("satisfaction-375px.png")).as("the report fits a phone")
			.isLessThanOrEqualTo(375);
		browser.signOut();
	}

}
