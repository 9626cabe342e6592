package dev.bellwether.platform.web;

import java.util.List;
import java.util.stream.IntStream;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.PagedQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An API list's total is counted up to {@link PagedQuery#COUNT_CAP} records past the
 * page; the answer says when it stopped there, and counts them all when asked.
 */
@IntegrationTest
class ListTotalsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Test
	void aTotalOverTheCapSaysSoAndIsExactWhenAskedFor() throws Exception {
		User rep = this.users.create(Role.REP);
		int owned = PagedQuery.COUNT_CAP + 7;
		this.accounts.createAll(rep.id(),
				IntStream.range(0, owned).mapToObj(i -> account("Capped " + i, rep)).toList());
		String list = "/api/v1/accounts?ownerId=" + rep.id() + "&size=1";

		this.mvc.perform(get(list).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1 + PagedQuery.COUNT_CAP))
			.andExpect(jsonPath("$.page.totalCapped").value(true));

		this.mvc.perform(get(list + "&exactTotal=true").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(owned))
			.andExpect(jsonPath("$.page.totalPages").value(owned))
			.andExpect(jsonPath("$.page.totalCapped").value(false))
			.andExpect(jsonPath("$.content.length()").value(1));
	}

	@Test
	void aTotalUnderTheCapIsExactAndNotCapped() throws Exception {
		User rep = this.users.create(Role.REP);
		this.accounts.createAll(rep.id(), List.of(account("Few 1", rep), account("Few 2", rep), account("Few 3", rep)));

		this.mvc.perform(get("/api/v1/accounts?ownerId=" + rep.id() + "&size=2").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(2))
			.andExpect(jsonPath("$.page.totalCapped").value(false));
	}

	private static AccountDetails account(String name, User owner) {
		return new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null, owner.id(),
				null);
	}

}
