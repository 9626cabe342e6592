package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list narrowed by text is paged in one pass over its matches
 * ({@code PagedQuery.searchedPage}): the same rows, order and totals as sorting the
 * matching records here, by page number and by cursor, up to the count's cap and past it,
 * and past the last page.
 */
@IntegrationTest
class SearchedPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Test
	void aSearchedListHasTheMatchingRecordsInOrderWithTheirTotal() throws Exception {
		User rep = this.users.create(Role.REP);
		String token = "qx" + UUID.randomUUID().toString().substring(0, 6);
		List<AccountDetails> details = new ArrayList<>();
		for (int i = 0; i < 37; i++) {
			// ties on the name (broken by id), mixed case
			String name = ((i % 3 == 0) ? token.toUpperCase(Locale.ROOT) : token) + " Co " + (i % 7);
			details.add(account(name, null, rep));
		}
		for (int i = 0; i < 5; i++) {
			// found by their domain only
			details.add(account("Domain only " + i, "https://www." + token + i + ".example.com", rep));
		}
		for (int i = 0; i < 10; i++) {
			details.add(account("Not matching " + i, null, rep));
		}
		List<UUID> ids = this.accounts.createAll(rep.id(), details);
		List<Expected> matching = new ArrayList<>();
		for (int i = 0; i < 42; i++) {
			matching.add(new Expected(ids.get(i).toString(), details.get(i).name().toLowerCase(Locale.ROOT)));
		}
		String list = "/api/v1/accounts?ownerId=" + rep.id() + "&q=" + token;

		for (boolean ascending : new boolean[] { true, false }) {
			Comparator<Expected> order = Comparator.comparing(Expected::name).thenComparing(Expected::id);
			List<String> expected = matching.stream()
				.sorted(ascending ? order : order.reversed())
				.map(Expected::id)
				.toList();
			String sorted = list + "&sort=name," + (ascending ? "asc" : "desc") + "&size=10";
			List<String> byNumber = new ArrayList<>();
			for (int page = 0; page < 5; page++) {
				String json = json(rep, sorted + "&page=" + page);
				assertThat((Integer) JsonPath.read(json, "$.page.totalElements")).isEqualTo(42);
				assertThat((Boolean) JsonPath.read(json, "$.page.totalCapped")).isFalse();
				byNumber.addAll(JsonPath.read(json, "$.content[*].id"));
			}
			assertThat(byNumber).isEqualTo(expected);
			assertThat(byCursor(rep, sorted)).isEqualTo(expected);
			// past the last page: nothing, and still the right total
			String past = json(rep, sorted + "&page=9");
			assertThat((List<?>) JsonPath.read(past, "$.content")).isEmpty();
			assertThat((Integer) JsonPath.read(past, "$.page.totalElements")).isEqualTo(42);
		}
	}

	@Test
	void moreMatchesThanTheCountsCapAreCappedAndStillInOrder() throws Exception {
		User rep = this.users.create(Role.REP);
		String token = "qy" + UUID.randomUUID().toString().substring(0, 6);
		int many = PagedQuery.COUNT_CAP + 30;
		List<AccountDetails> details = new ArrayList<>();
		for (int i = 0; i < many; i++) {
			details.add(account(token + " " + (many - i), null, rep));
		}
		List<UUID> ids = this.accounts.createAll(rep.id(), details);
		List<Expected> matching = new ArrayList<>();
		for (int i = 0; i < many; i++) {
			matching.add(new Expected(ids.get(i).toString(), details.get(i).name().toLowerCase(Locale.ROOT)));
		}
		List<String> expected = matching.stream()
			.sorted(Comparator.comparing(Expected::name).thenComparing(Expected::id))
			.map(Expected::id)
			.toList();

		String json = json(rep, "/api/v1/accounts?ownerId=" + rep.id() + "&q=" + token + "&sort=name,asc&size=10");

		assertThat((Integer) JsonPath.read(json, "$.page.totalElements")).isEqualTo(10 + PagedQuery.COUNT_CAP);
		assertThat((Boolean) JsonPath.read(json, "$.page.totalCapped")).isTrue();
		assertThat((List<String>) JsonPath.read(json, "$.content[*].id")).isEqualTo(expected.subList(0, 10));
	}

	private static AccountDetails account(String name, String website, User owner) {
		return new AccountDetails(name, website, null, null, null, null, null, null, null, null, null, null, owner.id(),
				null);
	}

	private String json(User user, String url) throws Exception {
		return this.mvc.perform(get(url).with(TestUsers.basic(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> byCursor(User user, String list) throws Exception {
		List<String> ids = new ArrayList<>();
		String next = list;
		while (next != null) {
			String json = json(user, next);
			ids.addAll(JsonPath.read(json, "$.content[*].id"));
			next = JsonPath.read(json, "$.page.next");
		}
		return ids;
	}

	private record Expected(String id, String name) {
	}

}
