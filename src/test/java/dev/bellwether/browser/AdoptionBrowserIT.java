package dev.bellwether.browser;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An executive opens the adoption dashboard, sees a manager whose team out-uses them
 * flagged in the cascade, drills into that manager's team and from there into the people
 * behind a figure.
 */
@BrowserTest
class AdoptionBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void anExecutiveDrillsFromTheCascadeIntoAManagersTeam(Browser browser) {
		User executive = this.users.create(Role.EXECUTIVE);
		User manager = this.users.create(Role.MANAGER, executive.id());
		User rep = this.users.create(Role.REP, manager.id());
		LocalDate today = this.calendar.today();
		// the rep uses it every day, the manager once: the team out-uses its manager
		for (int i = 0; i < 20; i++) {
			active(rep.id(), today.minusDays(i));
		}
		active(manager.id(), today.minusDays(5));

		browser.signIn(executive.username(), TestUsers.PASSWORD);
		browser.click(By.id("nav-adoption"));
		browser.waitUntil(ExpectedConditions.urlContains("/adoption"));
		browser.visible(By.id("headline"));
		// the trend chart drawn by Chart.js
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("trend-chart"), "data-drawn", "true"));

		// other tests' managers share the database: the dashboard lists the 15 to look at
		// first, and the rest on request
		if (!browser.driver().findElements(By.cssSelector("#more-managers a")).isEmpty()) {
			browser.click(By.cssSelector("#more-managers a"));
			browser.waitUntil(ExpectedConditions.urlContains("managers=all"));
		}
		WebElement row = browser
			.visible(By.xpath("//table[@id='managers']//tr[.//a[text()='" + manager.fullName() + "']]"));
		assertThat(row.getText()).contains("team out-uses manager");
		browser.click(By.xpath("//table[@id='managers']//a[text()='" + manager.fullName() + "']"));
		browser.waitUntil(ExpectedConditions.urlContains("/adoption/team?manager=" + manager.id()));
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo(manager.fullName() + "'s team");

		browser.click(By.id("figure-healthy"));
		browser.waitUntil(ExpectedConditions.urlContains("/adoption/users"));
		browser.visible(By.id("people"));
		assertThat(browser.driver().findElements(By.cssSelector("#people tr[data-user='" + rep.id() + "']")))
			.hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("#people tr[data-user='" + manager.id() + "']")))
			.as("the manager is at risk, not healthy")
			.isEmpty();
	}

	private void active(UUID userId, LocalDate day) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 3, 3, '{sales:VIEW}') on conflict do nothing
				""").param("user", userId).param("day", day).update();
	}

}
