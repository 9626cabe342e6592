package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

	@AfterEach
	void defaults() {
		this.jdbc.sql("update adoption_settings set settings = settings - 'keyFeatures' where id = 1").update();
	}

	@Test
	void administratorsChooseAmongTheFeaturesUsedLately() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		UUID seller = this.users.create(Role.REP).id();
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 1, 1, '{forecast:FORECAST_VIEW,sales:VIEW}') on conflict do nothing
				""").param("user", seller).param("day", this.calendar.today().minusDays(2)).update();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/admin/adoption/key-features").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"forecast:FORECAST_VIEW\"")))
			.andExpect(content().string(containsString("value=\"home:DASHBOARD_VIEW\"")));

		this.mvc
			.perform(post("/admin/adoption/key-features").param("keys", "sales:VIEW", "forecast:FORECAST_VIEW")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(this.keyFeatures.current()).containsExactly("forecast:FORECAST_VIEW", "sales:VIEW");
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
