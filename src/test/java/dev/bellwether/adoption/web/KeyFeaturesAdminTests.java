package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.metrics.DeclaredUsage;
import dev.bellwether.adoption.internal.metrics.FiguresCache;
import dev.bellwether.adoption.internal.metrics.KeyFeatures;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators choose the key features breadth counts; a wrong choice is refused whole.
 */
@IntegrationTest
class KeyFeaturesAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	KeyFeatures keyFeatures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	DeclaredUsage declared;

	@Autowired
	FiguresCache figures;

	@AfterEach
	void defaults() {
		this.jdbc
			.sql("update adoption_settings set settings = settings - 'keyFeatures' - 'keyFeaturesByRole' where id = 1")
			.update();
		this.figures.clear();
	}

	@Test
	void administratorsGiveARoleItsOwnListOrTheCompanyWideOne() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		// service and marketing have lists of their own out of the box
		this.mvc.perform(get("/admin/adoption/key-features").param("role", "SERVICE").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("measured against a list of their own")))
			.andExpect(content().string(containsString("id=\"use-company-list\"")));
		assertThat(this.keyFeatures.sets().of(Role.SERVICE))
			.containsExactlyInAnyOrderElementsOf(KeyFeatures.ROLE_DEFAULTS.get(Role.SERVICE));
		assertThat(this.keyFeatures.sets().ownList(Role.SALES_ADMIN)).isFalse();

		// sales administrators get their own; a wrong key is refused and changes nothing
		this.mvc
			.perform(post("/admin/adoption/key-features").param("role", "SALES_ADMIN")
				.param("keys", "dataquality:VIEW", "sales:BOGUS")
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/adoption/key-features?role=SALES_ADMIN"))
			.andExpect(flash().attribute("flashError", containsString("sales:BOGUS")));
		assertThat(this.keyFeatures.sets().ownList(Role.SALES_ADMIN)).isFalse();
		this.mvc
			.perform(post("/admin/adoption/key-features").param("role", "SALES_ADMIN")
				.param("keys", "dataquality:VIEW", "imports:VIEW")
				.with(session)
				.with(csrf()))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(this.keyFeatures.sets().of(Role.SALES_ADMIN)).containsExactly("dataquality:VIEW", "imports:VIEW");
		// the others are as they were
		assertThat(this.keyFeatures.current()).isEqualTo(KeyFeatures.DEFAULTS);
		assertThat(this.keyFeatures.sets().ownList(Role.SERVICE)).isTrue();

		// service goes back to the company-wide list, and stays there
		this.mvc.perform(
				post("/admin/adoption/key-features/company-list").param("role", "SERVICE").with(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/adoption/key-features?role=SERVICE"));
		assertThat(this.keyFeatures.sets().ownList(Role.SERVICE)).isFalse();
		assertThat(this.keyFeatures.sets().of(Role.SERVICE)).isEqualTo(KeyFeatures.DEFAULTS);
		assertThat(this.keyFeatures.sets().of(Role.SALES_ADMIN)).containsExactly("dataquality:VIEW", "imports:VIEW");
		assertThat(this.keyFeatures.sets().ownList(Role.MARKETING)).isTrue();

		this.mvc.perform(get("/admin/adoption/key-features").param("role", "PIRATE").with(session))
			.andExpect(status().isBadRequest());
	}

	@Test
	void administratorsChooseAmongTheDeclaredFeaturesOnly() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		UUID seller = this.users.create(Role.REP).id();
		// usage of a kind no module of this build declares (an older demo wrote such)
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 1, 1, '{sales:FORECAST_VIEW,sales:VIEW}') on conflict do nothing
				""").param("user", seller).param("day", this.calendar.today().minusDays(2)).update();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/admin/adoption/key-features").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("sales:FORECAST_VIEW"))))
			.andExpect(content().string(containsString("value=\"adoption:EXPORT\"")))
			.andExpect(content().string(containsString("value=\"home:DASHBOARD_VIEW\"")));
		assertThat(this.keyFeatures.candidates().keySet()).containsExactlyElementsOf(this.declared.features());
		assertThat(this.keyFeatures.candidates().get("sales:VIEW")).isPositive();

		this.mvc
			.perform(post("/admin/adoption/key-features").param("keys", "sales:VIEW", "sales:FORECAST_VIEW")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", containsString("not captured")));
		assertThat(this.keyFeatures.current()).isEqualTo(KeyFeatures.DEFAULTS);

		this.mvc
			.perform(post("/admin/adoption/key-features").param("keys", "sales:VIEW", "adoption:EXPORT")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(this.keyFeatures.current()).containsExactly("adoption:EXPORT", "sales:VIEW");
	}

	@Test
	void aKeptChoiceNoModuleDeclaresIsNotCounted() {
		this.jdbc.sql("""
				insert into adoption_settings (id, settings, updated_at)
				values (1, '{"keyFeatures": ["sales:FORECAST_VIEW", "sales:VIEW"]}', now())
				on conflict (id) do update set settings = excluded.settings
				""").update();
		this.figures.clear();
		assertThat(this.keyFeatures.current()).containsExactly("sales:VIEW");
	}

	@Test
	void aWrongChoiceIsRefusedAndNothingChanges() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.users.create(Role.ADMIN));
		for (List<String> wrong : List.of(List.<String>of(), List.of("sales:VIEW", "sales:SHOUT"),
				List.of("sales:VIEW", "<script>:VIEW"), List.of("x".repeat(500)))) {
			this.mvc
				.perform(post("/admin/adoption/key-features").param("keys", wrong.toArray(String[]::new))
					.with(session)
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flashError"));
		}
		assertThat(this.keyFeatures.current()).isEqualTo(KeyFeatures.DEFAULTS);
	}

	@Test
	void onlyAdministratorsChoose() throws Exception {
		RequestPostProcessor executive = TestUsers.signIn(this.mvc, this.users.create(Role.EXECUTIVE));
		this.mvc.perform(get("/admin/adoption/key-features").with(executive)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/adoption/key-features").param("keys", "sales:VIEW").with(executive).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.keyFeatures.current()).isEqualTo(KeyFeatures.DEFAULTS);
	}

}
