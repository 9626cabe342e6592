package dev.bellwether.platform.picklist;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * {@code /admin/pick-lists}: sales administrators and administrators edit the lists;
 * nobody else sees the page.
 */
@IntegrationTest
class PickListPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	PickLists pickLists;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private RequestPostProcessor salesAdmin() throws Exception {
		return TestUsers.signIn(this.mvc, this.users.create(Role.SALES_ADMIN));
	}

	@Test
	void showsEachListWithItsValuesAndTheMenuEntry() throws Exception {
		this.mvc.perform(get("/admin/pick-lists").with(salesAdmin()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/pick-lists/industry"));
		this.mvc.perform(get("/admin/pick-lists/industry").with(salesAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("platform/pick-lists"))
			.andExpect(content().string(containsString("value=\"Technology\"")))
			.andExpect(content().string(containsString("Move Technology up")))
			.andExpect(content().string(containsString("id=\"nav-admin-pick-lists\"")));
	}

	@Test
	void addsRenamesMovesRetiresAndRestoresAValue() throws Exception {
		RequestPostProcessor admin = TestUsers.signIn(this.mvc, this.users.create(Role.ADMIN));
		this.mvc
			.perform(post("/admin/pick-lists/lead-source/values").param("label", "Podcast " + this.tag)
				.with(csrf())
				.with(admin))
			.andExpect(redirectedUrl("/admin/pick-lists/lead-source"));
		PickListValue added = this.pickLists.find("lead-source", "podcast " + this.tag).orElseThrow();

		this.mvc
			.perform(post("/admin/pick-lists/lead-source/values/" + added.key() + "/rename")
				.param("label", "Podcasts " + this.tag)
				.with(csrf())
				.with(admin))
			.andExpect(redirectedUrl("/admin/pick-lists/lead-source"));
		this.mvc
			.perform(post("/admin/pick-lists/lead-source/values/" + added.key() + "/move").param("direction", "-1")
				.with(csrf())
				.with(admin))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/pick-lists/lead-source/values/" + added.key() + "/retire").param("retired", "true")
				.with(csrf())
				.with(admin))
			.andExpect(status().is3xxRedirection());

		PickList list = this.pickLists.get("lead-source");
		PickListValue value = this.pickLists.find("lead-source", added.key()).orElseThrow();
		assertThat(value.label()).isEqualTo("Podcasts " + this.tag);
		assertThat(value.retired()).isTrue();
		assertThat(list.values().indexOf(value)).isEqualTo(list.values().size() - 2);
		this.mvc.perform(get("/admin/pick-lists/lead-source").with(admin))
			.andExpect(content().string(containsString("Podcast " + this.tag + " → Podcasts " + this.tag)))
			.andExpect(content().string(containsString("Restore Podcasts " + this.tag)));

		this.mvc
			.perform(post("/admin/pick-lists/lead-source/values/" + added.key() + "/retire").param("retired", "false")
				.with(csrf())
				.with(admin))
			.andExpect(status().is3xxRedirection());
		assertThat(this.pickLists.find("lead-source", added.key()).orElseThrow().retired()).isFalse();
	}

	@Test
	void aDuplicateLabelIsShownInPlaceAndNothingIsAdded() throws Exception {
		int before = this.pickLists.get("industry").values().size();

		this.mvc
			.perform(post("/admin/pick-lists/industry/values").param("label", " technology ")
				.with(csrf())
				.with(salesAdmin()))
			.andExpect(status().isOk())
			.andExpect(view().name("platform/pick-lists"))
			.andExpect(content().string(containsString("Industry already has the value &#39;Technology&#39;")))
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc
			.perform(post("/admin/pick-lists/industry/values/technology/rename").param("label", "Retail")
				.with(csrf())
				.with(salesAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Industry already has the value &#39;Retail&#39;")));

		assertThat(this.pickLists.get("industry").values()).hasSize(before);
		assertThat(this.pickLists.find("industry", "technology").orElseThrow().label()).isEqualTo("Technology");
	}

	@Test
	void isForAdministratorsAndSalesAdministratorsOnly() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		RequestPostProcessor signedIn = TestUsers.signIn(this.mvc, manager);

		this.mvc.perform(get("/admin/pick-lists/industry").with(signedIn)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/pick-lists/industry/values").param("label", "Sneaky " + this.tag)
				.with(csrf())
				.with(signedIn))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/").with(signedIn))
			.andExpect(content().string(not(containsString("nav-admin-pick-lists"))));
		assertThat(this.pickLists.find("industry", "Sneaky " + this.tag)).isEmpty();
	}

}
