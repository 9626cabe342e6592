package dev.bellwether.browser;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal list driven from the keyboard, a view saved from it and opened again from its
 * link, and the list on a phone: the table scrolls in its box, the page does not.
 */
@BrowserTest
class ListViewsBrowserIT {

	private static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	ListViews views;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void theKeyboardMovesSelectsAndOpensAndAViewIsSavedAndLinked(Browser browser) {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		String word = "Kbd" + UUID.randomUUID().toString().substring(0, 8);
		List<Opportunity> deals = List.of(deal(viewer, word + " alpha"), deal(viewer, word + " beta"),
				deal(viewer, word + " gamma"));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/opportunities?q=" + word + "&sort=name,asc");
		browser.visible(By.id("opportunities-table"));
		Actions keys = new Actions(browser.driver());

		keys.sendKeys("j").perform();
		keys.sendKeys("j").perform();
		WebElement active = browser.visible(By.cssSelector("#opportunities-table tr.bw-row-active"));
		assertThat(active.getText()).contains(word + " beta");
		keys.sendKeys("k").perform();
		assertThat(browser.visible(By.cssSelector("#opportunities-table tr.bw-row-active")).getText())
			.contains(word + " alpha");
		keys.sendKeys("x").perform();
		assertThat(browser.driver()
			.findElement(By.cssSelector("input[name=ids][value='" + deals.get(0).id() + "']"))
			.isSelected()).isTrue();

		keys.sendKeys("?").perform();
		WebElement dialog = browser.visible(By.id("shortcuts-dialog"));
		assertThat(dialog.getText()).contains("Next row", "Select or unselect the row");
		keys.sendKeys(Keys.ESCAPE).perform();
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("shortcuts-dialog")));

		keys.sendKeys("/").perform();
		// the closed dialog's focus hand-back (a task later) must not take the focus back
		browser.waitUntil(driver -> "q".equals(driver.switchTo().activeElement().getAttribute("id")));

		browser.click(By.cssSelector("#save-view summary"));
		browser.visible(By.id("view-name")).sendKeys("Keyboard deals");
		browser.click(By.cssSelector("#save-view button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlContains("view="));
		ListView saved = this.views.visible(viewer, "opportunity")
			.stream()
			.filter(v -> v.name().equals("Keyboard deals"))
			.findFirst()
			.orElseThrow();
		assertThat(saved.settings().filters()).containsEntry("q", word);

		browser.open("/opportunities?view=" + saved.id());
		assertThat(browser.visible(By.id("opportunities-table")).getText()).contains(word + " alpha", word + " gamma");
		new Actions(browser.driver()).sendKeys("j").sendKeys(Keys.ENTER).perform();
		browser.waitUntil(ExpectedConditions.urlContains("/opportunities/" + deals.get(0).id()));
	}

	@Test
	void onAPhoneTheTableScrollsInItsBoxNotThePage(Browser browser) {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		String word = "Phone" + UUID.randomUUID().toString().substring(0, 8);
		deal(viewer, word + " with a rather long name that needs room");

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(375, 900));
		browser.open("/opportunities?q=" + word
				+ "&cols=name,account,stage,amount,closeDate,probability,forecastCategory,owner,lastTouchedAt");
		browser.visible(By.id("opportunities-table"));
		browser.click(By.cssSelector("#column-chooser summary"));
		browser.visible(By.id("column-form"));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();

		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the page is no wider than the phone")
			.isLessThanOrEqualTo(375);
		assertThat(((Number) js.executeScript(
				"var box = document.querySelector('#opportunities-table').parentElement; return box.scrollWidth - box.clientWidth"))
			.intValue()).as("the table scrolls inside its box").isGreaterThan(0);
	}

	private Opportunity deal(Viewer viewer, String name) {
		Account account = this.accounts.create(viewer, new AccountDetails("Keys Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, viewer.id(), null));
		return this.opportunities.create(viewer,
				new OpportunityDetails(name, account.id(), null, viewer.id(), PROPOSAL, new BigDecimal("12000"), false,
						this.calendar.today().plusDays(20), null, null, null, null, null, null));
	}

}
