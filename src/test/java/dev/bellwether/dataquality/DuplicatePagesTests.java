package dev.bellwether.dataquality;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DuplicatePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Duplicates duplicates;

	@Test
	void aStewardComparesMergesAndUndoesAPairOnThePages() throws Exception {
		User owner = this.users.create(Role.REP);
		User steward = this.users.create(Role.SALES_ADMIN);
		String name = "Hooli " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
		Account a = account(owner, name + " Inc");
		Account b = account(owner, name + " plc");
		this.duplicates.detect();
		DuplicatePair pair = this.duplicates.pairOf("account", a.id(), b.id()).orElseThrow();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, steward);

		// the pairs of one of its records: other tests' pairs may fill the first page
		this.mvc
			.perform(get("/data-quality/duplicates").param("type", "account")
				.param("record", a.id().toString())
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/data-quality/duplicates/" + pair.id())))
			.andExpect(content().string(containsString("id=\"nav-admin-duplicates\"")));
		this.mvc.perform(get("/data-quality/duplicates/" + pair.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"field.name\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));

		String mergePage = this.mvc
			.perform(post("/data-quality/duplicates/" + pair.id() + "/merge").param("survivor", "b")
				.param("versionA", "0")
				.param("versionB", "0")
				.param("field.name", "a")
				.with(csrf())
				.with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/data-quality/merges/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(this.accounts.get(TestUsers.viewer(steward), b.id()).name()).isEqualTo(a.name());
		assertThat(this.duplicates.pairOf("account", a.id(), b.id()).orElseThrow().status())
			.isEqualTo(DuplicateStatus.MERGED);
		this.mvc.perform(get(mergePage).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"undo-merge\"")));

		this.mvc.perform(post(mergePage + "/undo").with(csrf()).with(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(mergePage));
		assertThat(this.accounts.get(TestUsers.viewer(steward), a.id()).isDeleted()).isFalse();
		assertThat(this.accounts.get(TestUsers.viewer(steward), b.id()).name()).isEqualTo(b.name());
		assertThat(this.duplicates.pairOf("account", a.id(), b.id()).orElseThrow().status())
			.isEqualTo(DuplicateStatus.OPEN);
	}

	@Test
	void aRepCannotOpenTheDuplicatesPage() throws Exception {
		User rep = this.users.create(Role.REP);
		this.mvc.perform(get("/data-quality/duplicates").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aManagerSeesThePageAndItsLink() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		this.mvc.perform(get("/data-quality/duplicates").with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<!DOCTYPE html>")))
			.andExpect(content().string(containsString("id=\"nav-data-quality\"")));
	}

	private Account account(User owner, String name) {
		return this.accounts.create(TestUsers.viewer(owner), new AccountDetails(name, null, null, null, null, null,
				null, null, null, null, null, null, owner.id(), null));
	}

}
