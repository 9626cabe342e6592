package dev.bellwether.browser;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal list re-filtered in place, then exported from its Export menu: the link
 * carries the list as the address now shows it, and the file holds those deals.
 */
@BrowserTest
class ExportBrowserIT {

	private static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void theExportMenuExportsTheListAsItIsNowFiltered(Browser browser) {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		String word = "Exp" + UUID.randomUUID().toString().substring(0, 8);
		deal(viewer, word + " alpha");
		deal(viewer, word + " beta");

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/opportunities?q=" + word + "&cols=name,amount&sort=name,asc");
		browser.visible(By.id("opportunities-table"));
		WebElement search = browser.visible(By.id("q"));
		search.sendKeys(" beta");
		browser.waitUntil(ExpectedConditions.urlContains("beta"));
		browser.waitUntil(ExpectedConditions
			.not(ExpectedConditions.textToBePresentInElementLocated(By.id("opportunities-table"), word + " alpha")));

		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		// keep the page: the test reads the file itself rather than Chromium's downloads
		js.executeScript("document.getElementById('export-csv').addEventListener('click', e => e.preventDefault())");
		browser.click(By.id("export-menu"));
		browser.click(By.id("export-csv"));
		String href = browser.driver().findElement(By.id("export-csv")).getAttribute("href");

		// the address the re-filtered list was drawn from, not the one the page was
		// opened at
		assertThat(href).contains("/opportunities/export?", "q=" + word + "+beta", "format=csv");
		Object file = js.executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", href);
		assertThat(file.toString()).startsWith("Deal,").contains(word + " beta,").doesNotContain(word + " alpha");
	}

	private void deal(Viewer viewer, String name) {
		Account account = this.accounts.create(viewer, new AccountDetails("Export Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, viewer.id(), null));
		this.opportunities.create(viewer,
				new OpportunityDetails(name, account.id(), null, viewer.id(), PROPOSAL, new BigDecimal("12000"), false,
						this.calendar.today().plusDays(20), null, null, null, null, null, null));
	}

}
