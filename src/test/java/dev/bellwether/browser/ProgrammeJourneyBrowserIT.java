package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.DailyUsageRollup;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ChecklistItem;
import dev.bellwether.programme.GuidedTours;
import dev.bellwether.programme.ProgrammeCharter;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.Tour;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveDetails;
import dev.bellwether.programme.WaveGates;
import dev.bellwether.programme.WaveStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's rollout in a real browser: the executives' wave has met its gates, so the
 * programme lead opens the managers' wave from its page without a reason (the executives'
 * wave closes as passed); a manager of that wave signs in for the first time and finds
 * the published charter above their first page (with a sales manager's "what's in it for
 * me") and accepts it; on the pipeline a guided tour for managers starts and is gone
 * through to its end; the manager creates a deal through the form, and the onboarding
 * checklist's first item ticks itself; once the day's usage is rolled up (every minute in
 * production; called here, as jobs are off in tests) the wave's funnel shows the manager
 * signed in and with a first record. Each page is checked with axe and at a phone's
 * width.
 * <p>
 * Waves, the charter and tours are company-wide: the test starts from no wave and leaves
 * no charter, wave or tour behind, so that the classes running after it see none.
 */
@BrowserTest
class ProgrammeJourneyBrowserIT {

	private static final String PROSPECTING = "01900000-0000-7000-8000-000000000001";

	@Autowired
	TestUsers users;

	@Autowired
	ProgrammeLeads leads;

	@Autowired
	ProgrammeCharter charter;

	@Autowired
	RolloutWaves waves;

	@Autowired
	GuidedTours tours;

	@Autowired
	Accounts accounts;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	DailyUsageRollup rollup;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void noProgrammeLeftBehind() {
		for (String table : List.of("programme_charter_acceptances", "programme_charter_dismissals",
				"programme_charter_version_roles", "programme_charter_versions", "programme_charter_draft_roles",
				"programme_charter_drafts", "programme_waves")) {
			this.jdbc.sql("delete from " + table).update();
		}
		this.jdbc.sql("delete from programme_guidance_tours where name like 'Journey tour %'").update();
	}

	@Test
	void theLeadOpensTheManagersWaveAndAFirstSignInMovesItsFunnel(Browser browser) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		User admin = this.users.create(Role.ADMIN);
		User leadUser = this.users.create(Role.SALES_ADMIN);
		this.leads.designate(Viewer.of(admin), leadUser.id());
		Viewer lead = Viewer.of(leadUser);
		User executive = this.users.create(Role.EXECUTIVE);
		User manager = this.users.create(Role.MANAGER, executive.id());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);

		// the executives' wave is open, and its executive has used the CRM since: its
		// gate (everyone within 7 days) is met
		Wave executives = this.waves.create(lead, new WaveDetails("Executives " + tag, 1, List.of(), List.of(),
				List.of(executive.id()), today, new WaveGates(7, BigDecimal.valueOf(100), null, null)));
		this.waves.open(lead, executives.id(), null);
		browser.signIn(executive.username(), TestUsers.PASSWORD);
		browser.signOut();
		rollUpToday(today);
		assertThat(this.waves.figures(this.waves.get(executives.id())).gatesMet()).isTrue();

		// the managers' wave is planned, with a manager who has never signed in
		Wave managers = this.waves.create(lead, new WaveDetails("Managers " + tag, 2, List.of(), List.of(),
				List.of(manager.id()), today.plusDays(7), new WaveGates(14, BigDecimal.valueOf(80), null, null)));

		// the charter is published (its author has accepted it), and a tour for managers
		// waits on the pipeline
		ProgrammeCharter.CharterVersion version = publishCharter(lead, "One place for every deal " + tag);
		this.charter.accept(lead, version.number());
		Tour tour = this.tours.create(lead,
				new Tour.Details("Journey tour " + tag, "/pipeline", List.of("MANAGER"), "sales:CREATE", true,
						List.of(new Tour.StepDetails("#new-opportunity", "Your first deal", "Start here."),
								new Tour.StepDetails("#board", "Your team's pipeline", "Every open deal, by stage."))));

		// the lead opens the managers' wave from its page: no reason needed
		browser.signIn(leadUser.username(), TestUsers.PASSWORD);
		browser.open("/programme/waves/" + managers.id());
		assertThat(browser.visible(By.id("wave-status")).getText()).isEqualTo("Planned");
		assertThat(browser.visible(By.tagName("main")).getText()).contains(manager.fullName());
		assertThat(browser.seriousAccessibilityViolations()).as("a planned wave's page").isEmpty();
		assertThat(browser.widthOnAPhone("programme-wave-planned-375px.png")).as("a planned wave's page on a phone")
			.isLessThanOrEqualTo(375);
		browser.click(By.cssSelector("#open-wave button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("wave-status"), "Open"));
		assertThat(browser.driver().findElements(By.id("overrides"))).as("opened in order: no override").isEmpty();
		assertThat(funnel(browser)).as("invited, nobody signed in yet").isEqualTo("[1,0,0,0,0]");
		assertThat(this.waves.get(executives.id()).status()).as("the wave ahead closed as passed")
			.isEqualTo(WaveStatus.PASSED);
		browser.signOut();

		// the manager signs in for the first time: the charter is above their first page
		Account account = this.accounts.create(Viewer.of(admin), new AccountDetails("Journey Mills " + tag, null, null,
				null, null, null, null, null, null, null, null, null, manager.id(), null));
		browser.signIn(manager.username(), TestUsers.PASSWORD);
		WebElement prompt = browser.visible(By.id("charter-prompt"));
		assertThat(prompt.getText()).contains("version " + version.number(), "One place for every deal " + tag,
				"What's in it for you, as " + Role.MANAGER.label() + ":", "For managers: " + tag);
		assertThat(browser.seriousAccessibilityViolations()).as("the first page, with the charter").isEmpty();
		assertThat(browser.widthOnAPhone("programme-charter-prompt-375px.png"))
			.as("the first page, with the charter, on a phone")
			.isLessThanOrEqualTo(375);
		String firstPage = browser.path();
		browser.click(By.id("charter-prompt-accept"));
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("charter-prompt")));
		assertThat(browser.path()).as("back on the same page").isEqualTo(firstPage);
		assertThat(this.charter.status(Viewer.of(manager)).acceptedCurrent()).isTrue();

		// the pipeline's tour for managers starts and is gone through to its end
		browser.open("/pipeline");
		browser
			.waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-tour-started", tour.id().toString()));
		assertThat(browser.visible(By.cssSelector(".driver-popover-title")).getText()).isEqualTo("Your first deal");
		browser.click(By.cssSelector(".driver-popover-next-btn"));
		browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector(".driver-popover-title"), "Your team's pipeline"));
		browser.click(By.cssSelector(".driver-popover-next-btn"));
		browser.waitUntil(
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-tour-completed", tour.id().toString()));
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".driver-popover")));
		browser.waitUntil(driver -> this.jdbc
			.sql("select count(*) from programme_guidance_tour_views where tour_id = :t and user_id = :u "
					+ "and completed_at is not null")
			.param("t", tour.id())
			.param("u", manager.id())
			.query(Integer.class)
			.single() == 1);

		// the manager creates a deal through the form
		String dealName = "Journey mill upgrade " + tag;
		browser.click(By.id("new-opportunity"));
		WebElement accountField = browser.visible(By.id("accountName"));
		accountField.sendKeys(account.name().substring(0, 12));
		browser.click(By
			.xpath("//div[contains(@class,'bw-picker-results')]/button[normalize-space()='" + account.name() + "']"));
		browser.driver().findElement(By.id("name")).sendKeys(dealName);
		browser.driver().findElement(By.id("amount")).sendKeys("8000");
		new Select(browser.driver().findElement(By.id("stageId"))).selectByValue(PROSPECTING);
		setDate(browser, By.id("closeDate"), today.plusDays(30).toString());
		browser.click(By.id("save-opportunity"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), dealName));
		assertThat(browser.path()).matches("/opportunities/[0-9a-f-]{36}");

		// the checklist's first item has ticked itself
		browser.open("/programme/guidance");
		WebElement first = browser.visible(By.cssSelector("#onboarding-checklist li[data-item]"));
		assertThat(first.getAttribute("data-item")).isEqualTo(ChecklistItem.DEAL_CREATED.name());
		assertThat(first.getAttribute("data-done")).isEqualTo("true");
		assertThat(first.getText()).contains("Create your first deal", "(done)");
		assertThat(browser.visible(By.id("checklist-summary")).getText()).isEqualTo("1 of 4 done");
		assertThat(browser.seriousAccessibilityViolations()).as("the checklist").isEmpty();
		assertThat(browser.widthOnAPhone("programme-checklist-375px.png")).as("the checklist on a phone")
			.isLessThanOrEqualTo(375);
		browser.signOut();

		// the day's usage is rolled up: the wave's funnel has moved
		rollUpToday(today);
		browser.signIn(leadUser.username(), TestUsers.PASSWORD);
		browser.open("/programme/waves/" + managers.id());
		assertThat(funnel(browser)).as("invited, signed in, first record, active in week 2, healthy")
			.isEqualTo("[1,1,1,0,0]");
		assertThat(browser.visible(By.tagName("main")).getText())
			.contains("1 invited → 1 signed in → 1 first record → 0 active in week 2 → 0 healthy");
		assertThat(browser.seriousAccessibilityViolations()).as("an open wave's page").isEmpty();
		assertThat(browser.widthOnAPhone("programme-wave-open-375px.png")).as("an open wave's page on a phone")
			.isLessThanOrEqualTo(375);
	}

	private ProgrammeCharter.CharterVersion publishCharter(Viewer lead, String purpose) {
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			wiifm.put(role, "For " + role.name().toLowerCase().replace('_', ' ') + "s: "
					+ purpose.substring(purpose.lastIndexOf(' ') + 1));
		}
		ProgrammeCharter.Draft draft = this.charter.draft(lead);
		ProgrammeCharter.Draft saved = this.charter.saveDraft(lead,
				new ProgrammeCharter.CharterText(purpose, "Deals kept in spreadsheets", "Forecast within 5%", wiifm),
				draft.version());
		return this.charter.publish(lead, saved.version());
	}

	/**
	 * What the roll-up job does every minute in production: the usage captured so far
	 * written, and today's roll-up rebuilt from it.
	 */
	private void rollUpToday(LocalDate today) {
		this.recorder.flush();
		this.rollup.rollUp(today, today);
	}

	/**
	 * @return the funnel's counts the page draws: invited, signed in, first record,
	 * active in week 2, healthy
	 */
	private static String funnel(Browser browser) {
		return browser.visible(By.cssSelector("canvas[data-funnel]")).getAttribute("data-funnel");
	}

	/**
	 * Sets a date field as the date picker would (as OpportunityBrowserIT does).
	 */
	private static void setDate(Browser browser, By locator, String isoDate) {
		WebElement field = browser.visible(locator);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
				+ " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
				+ " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", field, isoDate);
	}

}
