package dev.bellwether.browser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.PastSnapshots;
import dev.bellwether.forecasting.PipelineSnapshots;
import dev.bellwether.forecasting.Submission;
import dev.bellwether.forecasting.Submissions;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecast accuracy and the submitted calls in a real browser: a manager reads their
 * team's and a rep's accuracy in a past quarter (checked against a second computation
 * over the test's own deals), drills into the Commit deals at the start, and reads the
 * page on a phone; a malformed period is a clear error; a rep sees only their own row; a
 * manager compares two submissions, also on a phone.
 *
 * Accuracy is only judged for a period that is over, and the services stamp snapshots and
 * submissions with the clock's now (2026-06-17), so the accuracy fixture takes its
 * snapshot at a chosen moment ({@link PastSnapshots}) in a fiscal year no other test or
 * run has a snapshot in, and closes its deals there. The submissions are made through
 * {@link Submissions} now, by managers of the test's own, so that another context
 * submitting in the same minute can't matter.
 */
@BrowserTest
class ForecastAccuracyBrowserIT {

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	private static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	private static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	private static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	private static final int PHONE_WIDTH = 375;

	/**
	 * The fiscal years of this class's fixtures (ForecastAccuracyTests starts at 1981).
	 */
	private static final AtomicInteger YEARS = new AtomicInteger(1931);

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineSnapshots snapshots;

	@Autowired
	Submissions submissions;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerReadsTheTeamsAndARepsAccuracyDrillsIntoTheCommitDealsAndReadsItOnAPhone(Browser browser) {
		Fixture f = new Fixture();
		Set<UUID> team = Set.of(f.manager.id(), f.repA.id(), f.repB.id());

		browser.signIn(f.manager.username(), TestUsers.PASSWORD);
		browser.open("/forecast/accuracy?period=" + f.quarter.code());
		assertThat(browser.visible(By.id("accuracy-scope")).getText()).isEqualTo(f.manager.fullName());
		assertThat(new Select(browser.visible(By.id("manager"))).getFirstSelectedOption().getText())
			.as("whose organisation, to pick another")
			.isEqualTo(f.manager.fullName());

		// the team in the period table, the team and each rep in the people table
		WebElement period = browser.visible(By.cssSelector("#accuracy-periods tbody tr"));
		assertThat(cells(period)).containsExactly(f.quarter.label(), amount(f.forecast(team)), amount(f.actual(team)),
				percent(f.accuracy(team)), signedPercent(f.bias(team)), commitToClose(f, team),
				percent(f.commitToCloseByValue(team)));
		assertThat(browser.visible(By.id("accuracy-mape")).getText())
			.isEqualTo(percent(f.bias(team).abs()) + " over 1 period");
		assertThat(cells(person(browser, f.manager))).containsExactly(f.manager.fullName() + "'s team",
				amount(f.forecast(team)), amount(f.actual(team)), percent(f.accuracy(team)),
				signedPercent(f.bias(team)), commitToClose(f, team), percent(f.bias(team).abs()));
		for (User rep : List.of(f.repA, f.repB)) {
			Set<UUID> own = Set.of(rep.id());
			assertThat(cells(person(browser, rep))).as(rep.fullName())
				.containsExactly(rep.fullName(), amount(f.forecast(own)), amount(f.actual(own)),
						percent(f.accuracy(own)), signedPercent(f.bias(own)), commitToClose(f, own),
						percent(f.bias(own).abs()));
		}
		assertThat(browser.driver().findElements(By.cssSelector("#accuracy-people tbody tr"))).hasSize(3);

		// the team's commit-to-close drills to the deals in Commit at the start
		browser
			.click(By.cssSelector("#accuracy-people tr[data-person='" + f.manager.id() + "'] a[href*='what=commit']"));
		browser.waitUntil(ExpectedConditions.urlContains("/forecast/accuracy/deals"));
		List<Deal> commit = f.commitAtStart(team);
		assertThat(browser.visible(By.id("deal-count")).getText()).isEqualTo(commit.size() + " deals");
		assertThat(browser.visible(By.id("deal-total")).getText()).isEqualTo(money(sum(commit)));
		String deals = browser.visible(By.id("accuracy-deals")).getText();
		for (Deal deal : commit) {
			assertThat(line(deals, deal.name)).as(deal.name).contains(deal.fate);
		}
		assertThat(deals).as("Best case at the start").doesNotContain(f.deal("a3").name);

		// on a phone: nothing wider than the screen, on the drill and on the page
		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		assertFitsThePhone(browser);
		browser.click(By.id("back-to-accuracy"));
		browser.visible(By.id("accuracy-people"));
		assertThat(browser.path()).contains("period=" + f.quarter.code());
		assertFitsThePhone(browser);
		WebElement show = browser.visible(By.cssSelector("#accuracy-range button[type=submit]"));
		assertThat(right(browser, show)).as("the range form's button is on the screen")
			.isLessThanOrEqualTo(PHONE_WIDTH);
	}

	@Test
	void aRepSeesOnlyTheirOwnRowAndNotTheirManagers(Browser browser) {
		Fixture f = new Fixture();
		Set<UUID> own = Set.of(f.repA.id());

		browser.signIn(f.repA.username(), TestUsers.PASSWORD);
		browser.open("/forecast/accuracy?period=" + f.quarter.code());
		assertThat(browser.visible(By.id("accuracy-scope")).getText()).isEqualTo(f.repA.fullName());
		assertThat(browser.driver().findElements(By.cssSelector("#accuracy-people tbody tr"))).hasSize(1);
		assertThat(browser.driver().findElements(By.id("manager"))).as("nobody else's organisation to pick").isEmpty();
		assertThat(cells(person(browser, f.repA))).containsExactly(f.repA.fullName(), amount(f.forecast(own)),
				amount(f.actual(own)), percent(f.accuracy(own)), signedPercent(f.bias(own)), commitToClose(f, own),
				percent(f.bias(own).abs()));
		assertThat(browser.visible(By.tagName("main")).getText()).doesNotContain(f.manager.fullName(),
				f.repB.fullName());

		for (User other : List.of(f.manager, f.repB)) {
			browser.open("/forecast/accuracy?period=" + f.quarter.code() + "&manager=" + other.id());
			assertThat(browser.visible(By.tagName("main")).getText()).as(other.fullName())
				.contains("403", "yourself and the people below you")
				.doesNotContain(amount(f.actual(Set.of(other.id()))));
			browser.open("/forecast/accuracy/deals?period=" + f.quarter.code() + "&manager=" + other.id() + "&person="
					+ other.id() + "&what=won");
			assertThat(browser.visible(By.tagName("main")).getText()).contains("403");
		}
	}

	@Test
	void aMalformedPeriodOrPersonIsAClearErrorNotAServerError(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		browser.signIn(manager.username(), TestUsers.PASSWORD);

		// a range typed wrong: said beside the form, which keeps what was typed
		browser.open("/forecast/accuracy?period=2026-Q9");
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.id("accuracy-error")).getText()).contains("\"2026-Q9\" is not a period")
			.contains("2026-Q4 (a fiscal quarter)");
		assertThat(browser.visible(By.id("from")).getAttribute("value")).isEqualTo("2026-Q9");
		browser.visible(By.id("from")).clear();
		browser.visible(By.id("from")).sendKeys("2025-Q3");
		browser.visible(By.id("to")).sendKeys("2026-Q1");
		browser.click(By.cssSelector("#accuracy-range button[type=submit]"));
		browser.visible(By.id("accuracy-periods"));
		assertThat(browser.driver().findElements(By.cssSelector("#accuracy-periods tbody tr"))).hasSize(3);

		browser.open("/forecast/accuracy?from=2026-Q2&to=2025-Q1");
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.id("accuracy-error")).getText()).contains("is before from");
		browser.open("/forecast/accuracy?from=2000-Q1&to=2026-Q1");
		assertThat(browser.visible(By.id("accuracy-error")).getText()).contains("At most 24 periods");
		browser.open("/forecast/accuracy?manager=" + UUID.randomUUID());
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.id("accuracy-error")).getText()).contains("There is no user with id");

		// the links' parameters: the error page with what is wrong
		browser.open("/forecast/accuracy?manager=not-an-id");
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.tagName("main")).getText()).contains("not a valid value for 'manager'");
		browser.open("/forecast/accuracy/deals?what=won");
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.tagName("main")).getText()).contains("is not a period");
		browser.open("/forecast/accuracy/deals?period=2026-Q1&what=everything");
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.tagName("main")).getText()).contains("one of won, commit or forecast");
		browser.open("/forecast/accuracy/deals?period=2026-Q1&at=" + UUID.randomUUID());
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.tagName("main")).getText()).contains("There is no forecast");
		browser.open("/forecast/accuracy/deals?period=2026-Q1&person=" + UUID.randomUUID());
		assertThat(status(browser)).isEqualTo(400);
		assertThat(browser.visible(By.tagName("main")).getText()).contains("There is no user with id");
	}

	@Test
	void aManagerComparesTwoSubmissionsAlsoOnAPhone(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User secondLine = this.users.create(Role.MANAGER, manager.id());
		User rep = this.users.create(Role.REP, secondLine.id());
		FiscalPeriod quarter = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		LocalDate today = this.calendar.today();
		LocalDate closing = today.plusDays(3).isAfter(quarter.end()) ? today : today.plusDays(3);
		Opportunity repCommit = deal(rep, "Call crane " + UUID.randomUUID(), NEGOTIATION, "6000.40", closing);
		Opportunity repBestCase = deal(rep, "Call hoist " + UUID.randomUUID(), PROPOSAL, "2500.00", closing);
		Opportunity ownCommit = deal(manager, "Call winch " + UUID.randomUUID(), NEGOTIATION, "1500.30", closing);
		Submission a = this.submissions.submit(TestUsers.viewer(secondLine), quarter.code()).submission();
		Submission b = this.submissions.submit(TestUsers.viewer(manager), quarter.code()).submission();
		BigDecimal commitA = repCommit.amount();
		BigDecimal commitB = repCommit.amount().add(ownCommit.amount());

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		browser.open("/forecast/submissions?period=" + quarter.code());
		assertThat(browser.driver().findElements(By.cssSelector("#submissions-table tbody tr"))).hasSize(2);
		assertThat(browser.visible(By.id("submission-" + a.id())).getText()).contains(secondLine.fullName(),
				amount(commitA));
		assertThat(browser.visible(By.id("submission-" + b.id())).getText()).contains(manager.fullName(),
				amount(commitB));
		assertFitsThePhone(browser);

		browser.click(By.id("a-" + a.id()));
		browser.click(By.id("b-" + b.id()));
		browser.click(By.id("compare-button"));
		WebElement comparison = browser.visible(By.id("comparison-table"));
		assertThat(line(comparison.getText(), "Commit "))
			.isEqualTo("Commit " + money(commitA) + " " + money(commitB) + " " + money(commitB.subtract(commitA)));
		assertThat(line(comparison.getText(), "Best case ")).isEqualTo("Best case " + money(repBestCase.amount()) + " "
				+ money(repBestCase.amount()) + " " + money(BigDecimal.ZERO));
		assertThat(line(comparison.getText(), "Quota")).isEqualTo("Quota — — —");
		assertFitsThePhone(browser);

		// a submission of another period, compared by its id, says which period it is for
		FiscalPeriod next = this.calendar.next(quarter);
		Submission later = this.submissions.submit(TestUsers.viewer(secondLine), next.code()).submission();
		browser.open("/forecast/submissions?period=" + quarter.code() + "&a=" + a.id() + "&b=" + later.id());
		assertThat(browser.visible(By.id("comparison-b-period")).getText()).isEqualTo("(for " + next.code() + ")");
		assertThat(browser.driver().findElements(By.id("comparison-a-period"))).isEmpty();

		// the second-line manager may not open their manager's submission (signed in on a
		// wide window: the phone's menu hides the user menu the sign-in waits for)
		browser.driver().manage().deleteAllCookies();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.signIn(secondLine.username(), TestUsers.PASSWORD);
		browser.open("/forecast/submissions?period=" + quarter.code() + "&a=" + a.id() + "&b=" + b.id());
		assertThat(browser.visible(By.tagName("main")).getText()).contains("403");
		browser.open("/forecast/submissions?period=" + quarter.code() + "&a=" + a.id() + "&b=" + UUID.randomUUID());
		assertThat(browser.visible(By.tagName("main")).getText()).contains("404");
	}

	// what the page shows, computed the simple way

	private static String commitToClose(Fixture f, Set<UUID> owners) {
		List<Deal> commit = f.commitAtStart(owners);
		long won = commit.stream().filter(d -> d.wonInPeriod).count();
		return percent(ratio(BigDecimal.valueOf(won), BigDecimal.valueOf(commit.size()))) + " (" + won + " of "
				+ commit.size() + ")";
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		return a.divide(b, 4, RoundingMode.HALF_UP);
	}

	private static String amount(BigDecimal amount) {
		return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
	}

	private static String money(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
	}

	private static String percent(BigDecimal ratio) {
		return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	private static String signedPercent(BigDecimal ratio) {
		return (ratio.signum() > 0 ? "+" : "") + percent(ratio);
	}

	private static BigDecimal sum(List<Deal> deals) {
		return deals.stream().map(d -> d.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	// the browser

	private static WebElement person(Browser browser, User person) {
		return browser.visible(By.cssSelector("#accuracy-people tr[data-person='" + person.id() + "']"));
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.cssSelector("th, td"))
			.stream()
			.map(cell -> cell.getText().replaceAll("\\s+", " ").strip().replaceFirst(" not over$", ""))
			.map(text -> text.endsWith(" open") ? text.substring(0, text.length() - " open".length()) : text)
			.toList();
	}

	private static String line(String text, String start) {
		return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("(no line starting " + start + ")");
	}

	private static void assertFitsThePhone(Browser browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
		assertThat(((Number) js
			.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))
			.intValue()).as("%s is no wider than the phone", browser.path()).isLessThanOrEqualTo(PHONE_WIDTH);
	}

	/** The HTTP status of the page shown. */
	private static int status(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus")).intValue();
	}

	private static int right(Browser browser, WebElement element) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().right)", element)).intValue();
	}

	// the fixture

	private Opportunity deal(User owner, String name, UUID stage, String amount, LocalDate closeDate) {
		Account account = this.accounts.create(TestUsers.viewer(owner),
				new AccountDetails("Accuracy " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
						null, null, null, owner.id(), null));
		return this.opportunities.create(TestUsers.viewer(owner), new OpportunityDetails(name, account.id(), null,
				owner.id(), stage, new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

	/** A deal of the fixture, as the test knows it. */
	static final class Deal {

		UUID id;

		String name;

		UUID owner;

		BigDecimal amount;

		boolean commitAtStart;

		/** Won before the start snapshot, with its close date in the quarter. */
		boolean wonByStart;

		boolean wonInPeriod;

		/** What the drill says became of it. */
		String fate;

	}

	/**
	 * Q1 of a fiscal year of its own: a manager with two reps. One snapshot on the
	 * quarter's second day (its start); what happened before and after it:
	 *
	 * <pre>
	 * a1 rep A  Commit 12,000.25  won after the start, closing in Q1
	 * a2 rep A  Commit  5,000.50  lost
	 * a3 rep A  Best case 8,000.40 won, closing in Q1 (not in the start forecast)
	 * b1 rep B  Commit  7,000.00  won, closing in Q1
	 * b2 rep B  Pipeline 3,000.00 won before the start, closing on Q1's first day
	 * b3 rep B  Commit  4,000.00  pushed into Q2, still open
	 * m1 manager Commit 2,500.60  won, closing in Q1
	 * </pre>
	 */
	final class Fixture {

		final FiscalPeriod quarter;

		final User manager = ForecastAccuracyBrowserIT.this.users.create(Role.MANAGER);

		final User repA = ForecastAccuracyBrowserIT.this.users.create(Role.REP, this.manager.id());

		final User repB = ForecastAccuracyBrowserIT.this.users.create(Role.REP, this.manager.id());

		final List<Deal> deals = new ArrayList<>();

		Fixture() {
			int year = PastSnapshots.freshYear(ForecastAccuracyBrowserIT.this.jdbc, YEARS);
			this.quarter = ForecastAccuracyBrowserIT.this.calendar.period(year + "-Q1", "period");
			Deal a1 = add("a1", this.repA, NEGOTIATION, "12000.25", day(2, 15));
			Deal a2 = add("a2", this.repA, NEGOTIATION, "5000.50", day(3, 10));
			Deal a3 = add("a3", this.repA, PROPOSAL, "8000.40", day(3, 20));
			Deal b1 = add("b1", this.repB, NEGOTIATION, "7000.00", day(3, 1));
			Deal b2 = add("b2", this.repB, PROSPECTING, "3000.00", day(1, 31));
			Deal b3 = add("b3", this.repB, NEGOTIATION, "4000.00", day(3, 25));
			Deal m1 = add("m1", this.manager, NEGOTIATION, "2500.60", day(2, 2));

			close(b2, WON, day(1, 1), at(0).plus(Duration.ofHours(12)));
			PastSnapshots.take(ForecastAccuracyBrowserIT.this.snapshots, this.manager.id(),
					at(1).plus(Duration.ofMinutes(7)));
			close(a1, WON, day(2, 10), at(20));
			close(a2, LOST, day(3, 10), at(30));
			close(m1, WON, day(2, 2), at(35));
			close(b1, WON, day(3, 1), at(40));
			ForecastAccuracyBrowserIT.this.jdbc.sql("update opportunities set close_date = :d where id = :id")
				.param("d", this.quarter.end().plusDays(15))
				.param("id", b3.id)
				.update();
			close(a3, WON, day(3, 20), at(50));

			for (Deal d : List.of(a1, a2, b1, b3, m1)) {
				d.commitAtStart = true;
			}
			b2.wonByStart = true;
			for (Deal d : List.of(a1, a3, b1, b2, m1)) {
				d.wonInPeriod = true;
				d.fate = "won in the period";
			}
			a2.fate = "lost";
			b3.fate = "still open, closing after the period";
		}

		Deal deal(String key) {
			return this.deals.stream()
				.filter(d -> d.name.startsWith("Accuracy " + key + " "))
				.findFirst()
				.orElseThrow();
		}

		/** Won by the start, and in Commit at it. */
		BigDecimal forecast(Set<UUID> owners) {
			return sum(this.deals.stream()
				.filter(d -> owners.contains(d.owner) && (d.wonByStart || d.commitAtStart))
				.toList());
		}

		BigDecimal actual(Set<UUID> owners) {
			return sum(this.deals.stream().filter(d -> owners.contains(d.owner) && d.wonInPeriod).toList());
		}

		BigDecimal accuracy(Set<UUID> owners) {
			BigDecimal actual = actual(owners);
			return BigDecimal.ONE
				.subtract(forecast(owners).subtract(actual).abs().divide(actual, 20, RoundingMode.HALF_UP))
				.setScale(4, RoundingMode.HALF_UP);
		}

		BigDecimal bias(Set<UUID> owners) {
			return ratio(forecast(owners).subtract(actual(owners)), actual(owners));
		}

		List<Deal> commitAtStart(Set<UUID> owners) {
			return this.deals.stream().filter(d -> owners.contains(d.owner) && d.commitAtStart).toList();
		}

		BigDecimal commitToCloseByValue(Set<UUID> owners) {
			List<Deal> commit = commitAtStart(owners);
			return ratio(sum(commit.stream().filter(d -> d.wonInPeriod).toList()), sum(commit));
		}

		private Deal add(String key, User owner, UUID stage, String amount, LocalDate closeDate) {
			Opportunity created = ForecastAccuracyBrowserIT.this.deal(owner,
					"Accuracy " + key + " " + UUID.randomUUID(), stage, amount, closeDate);
			Deal d = new Deal();
			d.id = created.id();
			d.name = created.name();
			d.owner = owner.id();
			d.amount = created.amount();
			this.deals.add(d);
			return d;
		}

		private void close(Deal deal, UUID stage, LocalDate closeDate, Instant at) {
			ForecastAccuracyBrowserIT.this.jdbc.sql("""
					update opportunities set stage_id = :stage, forecast_category = :category, close_date = :day,
					  closed_at = :at where id = :id
					""")
				.param("stage", stage)
				.param("category", stage.equals(WON) ? "CLOSED" : "OMITTED")
				.param("day", closeDate)
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("id", deal.id)
				.update();
		}

		private LocalDate day(int month, int dayOfMonth) {
			return LocalDate.of(this.quarter.start().getYear(), month, dayOfMonth);
		}

		/** The start of the quarter's day {@code days} (0 is its first day). */
		private Instant at(int days) {
			return ForecastAccuracyBrowserIT.this.calendar.startOf(this.quarter.start()).plus(Duration.ofDays(days));
		}

	}

}
