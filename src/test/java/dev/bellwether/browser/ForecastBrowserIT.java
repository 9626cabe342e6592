package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.QuotaView;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast in a real browser, as a manager: open the quarter's grid, expand a team,
 * drill into a Commit figure and land on the deals behind it; and fill the quota grid
 * from the keyboard and by pasting a block copied from a spreadsheet.
 */
@BrowserTest
class ForecastBrowserIT {

	private static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	private static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	/**
	 * Pastes {@code arguments[1]} into {@code arguments[0]} as a clipboard paste does.
	 */
	private static final String PASTE = """
			const data = new DataTransfer();
			data.setData('text/plain', arguments[1]);
			arguments[0].focus();
			arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
			""";

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Quotas quotas;

	@Test
	void aManagerOpensTheQuarterExpandsATeamAndDrillsIntoCommit(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User teamLead = this.users.create(Role.MANAGER, manager.id());
		User rep = this.users.create(Role.REP, teamLead.id());
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		LocalDate thisQuarter = LocalDate.now(this.clock).plusDays(7);
		String committed = "Harbour cranes " + suffix;
		String bestCase = "Harbour lights " + suffix;
		deal(rep, committed, NEGOTIATION, "48000.75", thisQuarter);
		deal(rep, bestCase, PROPOSAL, "12000", thisQuarter);

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.click(By.id("nav-forecast"));
		browser.visible(By.id("forecast-grid"));
		assertThat(browser.visible(By.id("forecast-scope")).getText()).contains("Q2 FY2026");
		WebElement team = browser.visible(By.id("team-" + teamLead.id()));
		assertThat(team.findElement(By.id("team-" + teamLead.id() + "-COMMIT")).getText()).isEqualTo("48,001");
		By repRow = By.id("person-" + rep.id());
		assertThat(browser.driver().findElement(repRow).isDisplayed()).as("members start collapsed").isFalse();

		browser.click(By.id("toggle-" + teamLead.id()));
		browser.visible(repRow);
		assertThat(browser.driver().findElement(By.id("toggle-" + teamLead.id())).getAttribute("aria-expanded"))
			.isEqualTo("true");

		browser.click(By.id("person-" + rep.id() + "-COMMIT"));
		browser.waitUntil(ExpectedConditions.urlContains("/opportunities"));
		assertThat(browser.path()).contains("owner=" + rep.id()).contains("category=COMMIT").contains("status=open");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), committed));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(bestCase);
	}

	@Test
	void aManagerFillsTheQuotaGridByKeyboardAndByPastingFromASpreadsheet(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User first = this.users.create(Role.REP, manager.id());
		User second = this.users.create(Role.REP, manager.id());

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.open("/quotas?year=FY2026");
		WebElement own = browser.visible(By.id(Quotas.cellKey(manager.id(), "2026-Q1")));
		assertThat(own.getAttribute("readonly")).as("nobody sets their own quota").isNotNull();

		WebElement start = browser.visible(By.id(Quotas.cellKey(first.id(), "2026-Q1")));
		start.sendKeys("1,000");
		start.sendKeys(Keys.ARROW_RIGHT);
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
			.isEqualTo(Quotas.cellKey(first.id(), "2026-Q2"));
		// the rows are by name: paste the block into the first rep's Q2 and the next
		// row's
		String firstRow = first.fullName().compareTo(second.fullName()) < 0 ? "first" : "second";
		User top = firstRow.equals("first") ? first : second;
		User below = top == first ? second : first;
		WebElement pasteInto = browser.visible(By.id(Quotas.cellKey(top.id(), "2026-Q2")));
		((JavascriptExecutor) browser.driver()).executeScript(PASTE, pasteInto, "2000\t3000\n4000.50\t5000\n");
		browser.visible(By.id("paste-message"));
		assertThat(browser.driver().findElement(By.id(Quotas.cellKey(below.id(), "2026-Q3"))).getAttribute("value"))
			.isEqualTo("5000");

		browser.click(By.id("save-quotas"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved"));
		QuotaView topQ2 = this.quotas.get(TestUsers.viewer(manager), top.id(), "2026-Q2");
		assertThat(topQ2.personal().amount()).isEqualByComparingTo("2000");
		assertThat(this.quotas.get(TestUsers.viewer(manager), below.id(), "2026-Q2").personal().amount())
			.isEqualByComparingTo("4000.50");
		assertThat(this.quotas.get(TestUsers.viewer(manager), first.id(), "2026-Q1").personal().amount())
			.isEqualByComparingTo("1000");
		assertThat(this.quotas.get(TestUsers.viewer(manager), manager.id(), "FY2026").teamInEffect())
			.isEqualByComparingTo("15000.50");
	}

	private void deal(User owner, String name, UUID stage, String amount, LocalDate closeDate) {
		Account account = this.accounts.create(TestUsers.viewer(owner),
				new AccountDetails("Harbour " + UUID.randomUUID(), null, null, null, null, null, null, null, null, null,
						null, null, owner.id(), null));
		this.opportunities.create(TestUsers.viewer(owner), new OpportunityDetails(name, account.id(), null, owner.id(),
				stage, new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

}
