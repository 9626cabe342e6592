package dev.bellwether.browser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the engine behind most accessibility checkers) on every main page, as each
 * role sees it: no page may have a serious or critical violation. A new page belongs in
 * one of the lists below, so that it stays clean too.
 */
@BrowserTest
class AccessibilityBrowserIT {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	/** Until htmx has loaded every lazy part of the page. */
	private static final String SETTLED = "return document.readyState === 'complete'"
			+ " && document.querySelectorAll('.htmx-request').length === 0;";

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void theSignInPageHasNoSeriousViolations(Browser browser) {
		List<String> found = new ArrayList<>();
		check(browser, "/login", found);
		check(browser, "/login?error", found);
		assertThat(found).isEmpty();
	}

	@Test
	void aRepsPagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		assertClean(browser, records.rep(), records.common(), "/accounts/new", "/contacts/new", "/opportunities/new",
				"/activities/new?kind=CALL&accountId=" + records.account(), "/adoption/me", "/notifications",
				"/settings/password", "/settings/tokens");
	}

	@Test
	void aManagersPagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		assertClean(browser, records.manager(), records.common(), "/adoption",
				"/adoption/team?manager=" + records.manager().id(), "/adoption/users", "/adoption/scores",
				"/adoption/me");
	}

	@Test
	void anExecutivesPagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		assertClean(browser, records.executive(), records.common(), "/adoption", "/adoption/scores",
				"/adoption/team?manager=" + records.manager().id());
	}

	@Test
	void anAdministratorsPagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		User admin = this.users.create(Role.ADMIN);
		assertClean(browser, admin, records.common(), "/admin/users", "/admin/users/" + records.rep().id(),
				"/admin/users/new", "/admin/stages", "/admin/stages/new", "/admin/products", "/admin/products/new",
				"/admin/adoption/key-features", "/admin/adoption/sponsors", "/adoption", "/analytics",
				"/analytics/deals?figure=open");
	}

	@Test
	void aSalesAdministratorsPagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		assertClean(browser, this.users.create(Role.SALES_ADMIN), records.common(), "/admin/stages", "/admin/products",
				"/opportunities/" + records.deal() + "/edit", "/admin/pick-lists/industry",
				"/admin/pick-lists/country");
	}

	@Test
	void marketingAndServicePagesHaveNoSeriousViolations(Browser browser) {
		Records records = records();
		List<String> found = new ArrayList<>();
		for (Role role : List.of(Role.MARKETING, Role.SERVICE)) {
			User user = this.users.create(role);
			browser.signIn(user.username(), TestUsers.PASSWORD);
			for (String path : List.of("/", "/accounts", "/accounts/" + records.account(), "/contacts",
					"/contacts/" + records.contact(), "/activities", "/tasks", "/search?q=" + records.word())) {
				check(browser, path, found);
			}
			browser.signOut();
		}
		assertThat(found).isEmpty();
	}

	private void assertClean(Browser browser, User user, List<String> common, String... more) {
		List<String> found = new ArrayList<>();
		browser.signIn(user.username(), TestUsers.PASSWORD);
		for (String path : common) {
			check(browser, path, found);
		}
		for (String path : more) {
			check(browser, path, found);
		}
		assertThat(found).as("serious and critical axe-core violations of %s's pages", user.role()).isEmpty();
	}

	private static void check(Browser browser, String path, List<String> found) {
		browser.open(path);
		browser.waitUntil(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(SETTLED));
		browser.visible(By.tagName("main"));
		// legacy mode: axe runs in the page, without first opening a blank window to
		// isolate frames (the pages have none), which timed out on a loaded machine
		Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran on %s: %s", path, results.getErrorMessage()).isFalse();
		for (Rule rule : results.getViolations()) {
			if (!BLOCKING.contains(rule.getImpact())) {
				continue;
			}
			for (CheckedNode node : rule.getNodes()) {
				found.add(path + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
						+ node.getTarget() + " " + node.getHtml());
			}
		}
	}

	/**
	 * A rep with an account, a contact and a deal, under a manager under an executive.
	 */
	private Records records() {
		User executive = this.users.create(Role.EXECUTIVE);
		User manager = this.users.create(Role.MANAGER, executive.id());
		User rep = this.users.create(Role.REP, manager.id());
		String word = "Axewright" + UUID.randomUUID().toString().substring(0, 6);
		Account account = this.accounts.create(TestUsers.viewer(rep), new AccountDetails(word + " Mills", null, null,
				null, null, null, null, null, null, null, null, null, rep.id(), null));
		Contact contact = this.contacts.create(TestUsers.viewer(rep),
				new ContactDetails("Iris", word, "Buyer", null, null, null, account.id(), rep.id()));
		Opportunity deal = this.opportunities.create(TestUsers.viewer(rep),
				new OpportunityDetails(word + " looms", account.id(), contact.id(), rep.id(), PROSPECTING,
						new BigDecimal("12000"), false, this.calendar.today().plusDays(30), null, null, "Send a quote",
						null, null, null));
		return new Records(executive, manager, rep, word, account.id(), contact.id(), deal.id());
	}

	private record Records(User executive, User manager, User rep, String word, UUID account, UUID contact, UUID deal) {

		List<String> common() {
			return List.of("/", "/accounts", "/accounts/" + this.account, "/contacts", "/contacts/" + this.contact,
					"/opportunities", "/opportunities/" + this.deal, "/pipeline", "/activities", "/tasks",
					"/search?q=" + this.word, "/recycle-bin");
		}

	}

}
