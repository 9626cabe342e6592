package dev.bellwether.browser;

import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow a new user takes, in a real browser: sign in, create an account (fixing a
 * validation error on the way), find it again, add a contact to it, find the contact with
 * the global search, sign out. The website and e-mail address are the run's own: the
 * database outlives the run, and a second account on the same domain would be held back
 * as a possible duplicate.
 */
@BrowserTest
class SignInAndAccountsBrowserIT {

	@Autowired
	TestUsers users;

	@Test
	void signsInCreatesAnAccountAddsAContactFindsItAndSignsOut(Browser browser) {
		User rep = this.users.create(Role.REP);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String name = "Bellwether Browser Test " + tag;

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/accounts");
		browser.click(By.id("new-account"));

		browser.click(By.id("save-account"));
		WebElement nameError = browser.visible(By.cssSelector("#account-form [name=name] ~ .invalid-feedback"));
		assertThat(nameError.getText()).isEqualTo("Enter the account's name.");

		WebElement nameField = browser.driver().findElement(By.cssSelector("#account-form [name=name]"));
		nameField.sendKeys(name);
		browser.driver()
			.findElement(By.cssSelector("#account-form [name=website]"))
			.sendKeys("browser-test-" + tag + ".example");
		browser.click(By.id("save-account"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), name));
		assertThat(browser.path()).matches("/accounts/[0-9a-f-]{36}");

		browser.open("/accounts");
		browser.visible(By.id("q")).sendKeys(name);
		browser.waitUntil(ExpectedConditions.urlContains("q="));
		browser.waitUntil(driver -> {
			List<WebElement> rows = driver.findElements(By.cssSelector("#results #accounts-table tbody tr"));
			return rows.size() == 1 && rows.get(0).getText().contains(name);
		});
		browser.click(By.linkText(name));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), name));

		String lastName = "Quillfeather" + UUID.randomUUID().toString().substring(0, 6);
		browser.click(By.id("add-contact"));
		browser.visible(By.cssSelector("#contact-form [name=firstName]")).sendKeys("Imogen");
		browser.driver().findElement(By.cssSelector("#contact-form [name=lastName]")).sendKeys(lastName);
		browser.driver()
			.findElement(By.cssSelector("#contact-form [name=email]"))
			.sendKeys("imogen@browser-test-" + tag + ".example");
		browser.click(By.id("save-contact"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), "Imogen " + lastName));
		assertThat(browser.driver().findElement(By.linkText(name)).isDisplayed()).as("linked to its account").isTrue();

		WebElement globalSearch = browser.visible(By.id("global-search"));
		globalSearch.sendKeys(lastName.toLowerCase());
		globalSearch.submit();
		browser.waitUntil(ExpectedConditions.urlContains("/search?q="));
		browser.click(By.cssSelector("#contact-hits a"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), "Imogen " + lastName));

		browser.signOut();
		assertThat(browser.path()).isEqualTo("/login?logout");
		assertThat(browser.visible(By.cssSelector(".alert-success")).getText()).isEqualTo("You have signed out.");
		browser.open("/accounts");
		browser.visible(By.id("sign-in"));
		assertThat(browser.path()).startsWith("/login");
	}

	@Test
	void htmxRequestAfterTheSessionIsGoneLoadsTheWholeSignInPage(Browser browser) {
		User rep = this.users.create(Role.REP);
		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/accounts");
		WebElement search = browser.visible(By.id("q"));

		browser.driver().manage().deleteAllCookies();
		search.sendKeys("anything");

		browser.waitUntil(ExpectedConditions.urlContains("/login?expired"));
		browser.visible(By.id("sign-in"));
		assertThat(browser.driver().findElements(By.id("results"))).as("no fragment swapped into the old page")
			.isEmpty();
		assertThat(browser.driver().findElements(By.tagName("form"))).hasSize(1);
		assertThat(browser.visible(By.cssSelector(".alert-warning")).getText())
			.isEqualTo("Your session expired. Sign in again to carry on.");
	}

}
