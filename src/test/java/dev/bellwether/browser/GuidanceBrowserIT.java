package dev.bellwether.browser;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.programme.MessageRows;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.GuidedTours;
import dev.bellwether.programme.ProgrammeMessage;
import dev.bellwether.programme.Tour;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep opens a page with a tour for reps: the tour starts, skips (and reports) a step
 * whose target is not on the page, and going through it records it completed. A rep with
 * a programme banner sees it as a strip on their pages, and closing it records it read.
 */
@BrowserTest
class GuidanceBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	GuidedTours tours;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Communications communications;

	@Test
	void aTourStartsOnItsPageAndIsRecordedCompleted(Browser browser) {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		Tour tour = this.tours.create(TestUsers.viewer(admin),
				new Tour.Details("Checklist tour " + UUID.randomUUID(), "/programme/guidance", List.of("REP"), null,
						true,
						List.of(new Tour.StepDetails("#onboarding-checklist", "Your checklist", "It ticks itself."),
								new Tour.StepDetails("#no-such-element", "Gone", "Not on the page."),
								new Tour.StepDetails("#checklist-summary", "How far", "Items done so far."))));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/programme/guidance");
		browser
			.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-tour-started", tour.id().toString()));
		assertThat(browser.visible(By.cssSelector(".driver-popover-title")).getText()).isEqualTo("Your checklist");
		browser.click(By.cssSelector(".driver-popover-next-btn"));
		browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector(".driver-popover-title"), "How far"));
		browser.click(By.cssSelector(".driver-popover-next-btn"));
		browser.waitUntil(
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-tour-completed", tour.id().toString()));

		browser.waitUntil(driver -> this.jdbc
			.sql("select count(*) from programme_guidance_tour_views where tour_id = :t and user_id = :u "
					+ "and completed_at is not null")
			.param("t", tour.id())
			.param("u", rep.id())
			.query(Integer.class)
			.single() == 1);
		assertThat(this.tours.missingTargets(TestUsers.viewer(admin), tour.id()))
			.extracting(GuidedTours.MissingTarget::message)
			.containsExactly("step 2's target #no-such-element is missing on /programme/guidance");
	}

	@Test
	void aBannerShowsAsAStripAndClosingItRecordsItRead(Browser browser) {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		UUID message = this.communications
			.create(TestUsers.viewer(admin), new Communications.MessageDraft("Forecasts live in Bellwether now",
					"From Monday every forecast is made in Bellwether, not in spreadsheets.\n\nMore below.",
					ProgrammeMessage.Channel.IN_APP_BANNER, ProgrammeMessage.SenderKind.MANAGER, null,
					ProgrammeMessage.AdkarStage.AWARENESS, LocalDate.of(2026, 6, 17), null, List.of("REP"), List.of()))
			.id();
		// delivered to this rep only (the delivery job would deliver it to every rep)
		OffsetDateTime at = OffsetDateTime.parse("2026-06-17T09:00:00Z");
		MessageRows.deliver(this.jdbc, message, rep.id(), null, true, "DELIVERED", at);
		try {
			browser.signIn(rep.username(), TestUsers.PASSWORD);
			browser.open("/notifications");
			assertThat(browser.visible(By.cssSelector("#main > #bw-banner")).getText())
				.contains("Forecasts live in Bellwether now", "not in spreadsheets.", "Read more")
				.doesNotContain("More below.");
			assertThat(browser.widthOnAPhone("guidance-banner-375px.png")).isLessThanOrEqualTo(375);
			browser.click(By.cssSelector("#bw-banner .btn-close"));
			browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("bw-banner")));
			browser.waitUntil(driver -> this.jdbc
				.sql("select count(*) from programme_message_deliveries where message_id = :m and read_at is not null")
				.param("m", message)
				.query(Integer.class)
				.single() == 1);
		}
		finally {
			MessageRows.delete(this.jdbc, List.of(message));
		}
	}

}
