package dev.bellwether.browser;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.dataquality.Duplicates;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates in a real browser: a manager works the pair their rep made (list, compare,
 * merge, undo), and a rep creating an account that exists already is warned while typing
 * and on saving — also on a phone, and with no serious accessibility violation.
 */
@BrowserTest
class DuplicatesBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Duplicates duplicates;

	@Test
	void aManagerComparesMergesAndUndoesAPairOfDuplicateAccounts(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		String tag = TestCustomers.tag();
		Account kept = this.customers.account(rep, "Duplicorp " + tag, "duplicorp-" + tag + ".example");
		Account mergedAway = this.customers.account(rep, "DUPLICORP " + tag + ", Inc.", null);
		String contactName = "Mover" + tag;
		this.customers.contact(rep, "Max", contactName, null, mergedAway.id());
		this.duplicates.detect();

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		// managers reach the duplicates from the data-quality desk
		browser.click(By.id("nav-data-quality"));
		browser.click(By.id("desk-duplicates"));
		WebElement table = browser.visible(By.id("duplicates-table"));
		assertThat(table.getText()).contains(kept.name(), mergedAway.name(), "same name");
		assertThat(browser.seriousAccessibilityViolations()).as("the list").isEmpty();
		assertThat(browser.widthOnAPhone("duplicates-375px.png")).as("the list fits a phone").isLessThanOrEqualTo(375);

		browser.click(By.cssSelector("#duplicates-table a.btn-primary"));
		browser.visible(By.id("merge-form"));
		assertThat(browser.widthOnAPhone("compare-375px.png")).as("the comparison fits a phone")
			.isLessThanOrEqualTo(375);
		// the record that stays is the one with the website; the name is taken from it
		// too
		String survivor = browser.visible(By.cssSelector("label[for=survivor-a]")).getText().contains(kept.name()) ? "a"
				: "b";
		browser.click(By.id("survivor-" + survivor));
		browser.click(By.id("name-" + survivor));
		browser.click(By.id("website-" + survivor));
		assertThat(browser.seriousAccessibilityViolations()).as("the comparison").isEmpty();
		browser.click(By.id("merge"));

		browser.visible(By.id("undo-merge"));
		assertThat(browser.path()).startsWith("/data-quality/merges/");
		assertThat(browser.visible(By.cssSelector(".alert-success")).getText()).contains("1 related records moved");
		assertThat(browser.visible(By.tagName("h1")).getText())
			.isEqualTo("Merge of " + mergedAway.name() + " into " + kept.name());
		assertThat(browser.seriousAccessibilityViolations()).as("the merge").isEmpty();
		browser.open("/accounts/" + kept.id());
		assertThat(browser.visible(By.tagName("main")).getText()).contains(contactName);
		browser.driver().navigate().back();

		((JavascriptExecutor) browser.driver()).executeScript("window.confirm = () => true;");
		browser.click(By.id("undo-merge"));
		browser.visible(By.id("merge-undone"));
		assertThat(browser.visible(By.cssSelector(".alert-success")).getText()).contains("Merge undone",
				"1 related records moved back");
		browser.open("/accounts/" + mergedAway.id());
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), mergedAway.name()));
		assertThat(browser.visible(By.tagName("main")).getText()).contains(contactName);

		// managers reach the duplicates from the data-quality desk
		browser.click(By.id("nav-data-quality"));
		browser.click(By.id("desk-duplicates"));
		assertThat(browser.visible(By.id("duplicates-table")).getText()).as("the pair is open again")
			.contains(kept.name(), mergedAway.name());
	}

	@Test
	void aRepCreatingAnAccountThatExistsIsWarnedWhileTypingAndOnSaving(Browser browser) {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account existing = this.customers.account(this.users.create(Role.REP), "Warnco " + tag + " GmbH", null);

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/accounts/new");
		browser.visible(By.cssSelector("#account-form [name=name]")).sendKeys("WARNCO " + tag);
		WebElement warning = browser.visible(By.id("possible-duplicates"));
		assertThat(warning.getText()).contains("Possible duplicate:", existing.name(), "(same name)");
		assertThat(warning.findElement(By.linkText(existing.name())).getAttribute("href"))
			.endsWith("/accounts/" + existing.id());

		browser.driver().findElement(By.cssSelector("#account-form [name=billingCity]")).sendKeys("Lyon");
		browser.click(By.id("save-account"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("possible-duplicates"),
				"Nothing was saved yet"));
		assertThat(browser.path()).isEqualTo("/accounts");
		assertThat(
				browser.driver().findElement(By.cssSelector("#account-form [name=billingCity]")).getAttribute("value"))
			.as("what was typed is kept")
			.isEqualTo("Lyon");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the focus is on the choice")
			.isEqualTo("createAnyway");
		assertThat(browser.seriousAccessibilityViolations()).as("the form with the warning").isEmpty();
		assertThat(browser.widthOnAPhone("account-duplicate-warning-375px.png")).as("the form fits a phone")
			.isLessThanOrEqualTo(375);

		browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
		browser.click(By.id("save-account"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), "WARNCO " + tag));
		assertThat(browser.path()).matches("/accounts/[0-9a-f-]{36}").isNotEqualTo("/accounts/" + existing.id());
	}

}
