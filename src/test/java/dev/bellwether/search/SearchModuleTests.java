package dev.bellwether.search;

import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search module on its own, over the modules whose records it finds: it merges their
 * hits and puts an exact name first.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class SearchModuleTests {

	@Autowired
	GlobalSearch search;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	UserDirectory users;

	@Test
	void findsAccountsAndContactsWithTheExactNameFirst() {
		String word = "Zephyr" + UUID.randomUUID().toString().substring(0, 6);
		String username = "search-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.users.create(new UserProfile(username, "Searcher", username + "@test.example", null, Role.REP,
				null, null, null, null), "long enough password", null);
		Viewer viewer = new Viewer(user.id(), user.username(), user.fullName(), user.role());
		this.accounts.create(viewer, new AccountDetails(word + " Holdings", null, null, null, null, null, null, null,
				null, null, null, null, user.id(), null));
		this.accounts.create(viewer, new AccountDetails(word, null, null, null, null, null, null, null, null, null,
				null, null, user.id(), null));
		this.contacts.create(viewer, new ContactDetails("Ada", word, null, null, null, null, null, user.id()));

		SearchResults results = this.search.search(viewer, word, 10);

		assertThat(results.hits()).hasSize(3);
		assertThat(results.hits().get(0).title()).isEqualTo(word);
		assertThat(results.hits()).extracting(SearchHit::type).contains("account", "contact");
	}

}
