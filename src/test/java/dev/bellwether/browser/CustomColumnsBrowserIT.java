package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.Sharing;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk through lists in a real browser: a sales administrator adds a field to
 * deals; a manager shows it as a column of a view they save, edits a cell of it in place,
 * reassigns 30 deals at once and undoes it, then shares the view with their team; a rep
 * of that team opens the view.
 */
@BrowserTest
class CustomColumnsBrowserIT {

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	CustomFields customFields;

	@Autowired
	ListViews views;

	@Autowired
	Clock clock;

	@Test
	void aViewWithACustomColumnIsEditedInPlaceBulkChangedUndoneAndShared(Browser browser) {
		String marker = "Cc" + UUID.randomUUID().toString().substring(0, 8);
		User admin = this.users.create(Role.SALES_ADMIN);
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User other = this.users.create(Role.REP, manager.id());
		Viewer repViewer = TestUsers.viewer(rep);
		UUID account = this.accounts
			.create(repViewer,
					new AccountDetails(marker + " Ltd", null, null, null, null, null, null, null, null, null, null,
							null, rep.id(), null))
			.id();
		List<Opportunity> deals = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			deals.add(this.opportunities.create(repViewer,
					new OpportunityDetails(marker + " deal " + (100 + i), account, null, rep.id(), PROSPECTING,
							new BigDecimal("1000"), false, LocalDate.now(this.clock).plusMonths(1), null, null, null,
							null, null, null)));
		}

		// a sales administrator adds a field to deals
		browser.signIn(admin.username(), TestUsers.PASSWORD);
		browser.open("/admin/custom-fields?recordType=opportunity");
		browser.visible(By.id("label")).sendKeys("Deal code " + marker);
		new Select(browser.visible(By.id("type"))).selectByValue("TEXT");
		browser.click(By.id("add-custom-field"));
		CustomField field = null;
		try {
			browser.waitUntil(
					ExpectedConditions.textToBePresentInElementLocated(By.id("custom-fields"), "Deal code " + marker));
			field = this.customFields.all("opportunity")
				.stream()
				.filter(f -> f.label().equals("Deal code " + marker))
				.findFirst()
				.orElseThrow();
			String column = field.filterName();
			browser.signOut();

			// a manager shows it as a column and saves the view
			browser.signIn(manager.username(), TestUsers.PASSWORD);
			browser.open("/opportunities?q=" + marker + "&sort=name,asc&size=50");
			browser.visible(By.id("opportunities-table"));
			browser.click(By.cssSelector("#column-chooser summary"));
			browser.click(By.cssSelector("#column-form input[name='col'][value='" + column + "']"));
			browser.click(By.cssSelector("#column-form button[type=submit]"));
			browser.waitUntil(
					ExpectedConditions.textToBePresentInElementLocated(By.id("opportunities-table"), field.label()));
			browser.click(By.cssSelector("#save-view summary"));
			browser.visible(By.id("view-name")).sendKeys("Codes " + marker);
			browser.click(By.cssSelector("#save-view button[type=submit]"));
			browser.waitUntil(ExpectedConditions.urlContains("view="));
			ListView saved = this.views.visible(TestUsers.viewer(manager), "opportunity")
				.stream()
				.filter(v -> v.name().equals("Codes " + marker))
				.findFirst()
				.orElseThrow();
			assertThat(saved.settings().columns()).anyMatch(c -> c.name().equals(column));
			assertThat(saved.sharing()).isEqualTo(Sharing.PERSONAL);

			// edits a cell of the custom column in place
			By cell = By
				.cssSelector("td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='" + column + "']");
			browser.click(cell);
			WebElement input = browser.visible(By.cssSelector(
					"td[data-inline-id='" + deals.get(0).id() + "'][data-inline-field='" + column + "'] input"));
			input.sendKeys("PO-4711", Keys.ENTER);
			browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(cell, "PO-4711"));
			assertThat(this.opportunities.get(repViewer, deals.get(0).id()).customFields().get(field.key()))
				.isEqualTo("PO-4711");

			// reassigns the 30 deals to another rep of the team, and undoes it
			browser.click(By.cssSelector("input[data-bulk-select-page]"));
			browser
				.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selected"), "30 selected"));
			browser.waitUntil(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk-field option[value='ownerId']")));
			new Select(browser.visible(By.id("bulk-field"))).selectByValue("ownerId");
			new Select(browser.visible(By.id("bulk-new-value"))).selectByValue(other.id().toString());
			browser.click(By.id("bulk-apply"));
			browser.waitUntil(ExpectedConditions.urlContains("/bulk/"));
			assertThat(browser.visible(By.id("bulk-status")).getText()).contains("30 changed");
			assertThat(deals)
				.allSatisfy(deal -> assertThat(this.opportunities.get(TestUsers.viewer(manager), deal.id()).ownerId())
					.isEqualTo(other.id()));

			browser.click(By.id("bulk-undo"));
			browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
			browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-status"), "30 reverted"));
			assertThat(deals)
				.allSatisfy(deal -> assertThat(this.opportunities.get(TestUsers.viewer(manager), deal.id()).ownerId())
					.isEqualTo(rep.id()));

			// shares the view with their team
			browser.open("/opportunities?view=" + saved.id());
			browser.click(By.cssSelector("#share-view summary"));
			browser.click(By.id("edit-team"));
			new Select(browser.visible(By.id("edit-team-id"))).selectByValue(manager.id().toString());
			browser.click(By.xpath("//details[@id='share-view']//button[normalize-space()='Save sharing']"));
			browser.waitUntil(d -> this.views.get(TestUsers.viewer(manager), saved.id()).sharing() == Sharing.TEAM);
			browser.signOut();

			// a rep of the team sees it, with the custom column and the value set in
			// place
			browser.signIn(rep.username(), TestUsers.PASSWORD);
			browser.open("/opportunities?view=" + saved.id());
			WebElement table = browser.visible(By.id("opportunities-table"));
			assertThat(table.getText()).contains(field.label(), "PO-4711", marker + " deal 100");
			assertThat(browser.visible(By.id("view")).getText()).contains("Codes " + marker);
		}
		finally {
			if (field != null) {
				this.customFields.retire(field.id());
			}
		}
	}

}
