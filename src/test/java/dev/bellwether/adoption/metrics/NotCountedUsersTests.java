package dev.bellwether.adoption.metrics;

import java.time.LocalDate;
import java.util.Set;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.Trend;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Users flagged as not counted, like integration accounts, are left out of every figure
 * and of its denominator. As of Friday 14 March 2025: seller active 10 days of the last
 * 28 (healthy), idle never active, trainer (not counted) active every day, robot (an
 * integration account) active every day.
 */
@IntegrationTest
class NotCountedUsersTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 3, 14);

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void notCountedUsersAreLeftOutOfEveryFigureAndDenominator() {
		UsageFixture fixture = new UsageFixture(this.testUsers, this.jdbc);
		User seller = fixture.user(Role.REP, null);
		User idle = fixture.user(Role.REP, null);
		User trainer = fixture.user(Role.REP, null);
		User robot = fixture.user(Role.REP, null);
		fixture.activeEachDay(seller, AS_OF.minusDays(9), AS_OF, 3, "sales:VIEW");
		fixture.activeEachDay(trainer, AS_OF.minusDays(89), AS_OF, 9, "sales:VIEW", "search:SEARCH");
		fixture.activeEachDay(robot, AS_OF.minusDays(89), AS_OF, 9, "sales:UPDATE");
		fixture.integrationAccount(robot);
		flagNotCounted(trainer, "Trains the new hires");
		AdoptionScope scope = AdoptionScope.of(Set.of(seller.id(), idle.id(), trainer.id(), robot.id()));

		Headline headline = this.metrics.headline(scope, AS_OF, false);
		// counted: seller and idle only
		assertThat(headline.licensedUsers()).isEqualTo(2);
		assertThat(headline.mau()).isEqualTo(1);
		assertThat(headline.dau()).isEqualTo(1);
		assertThat(headline.adoptionRate()).isEqualTo(0.5);
		assertThat(headline.count(Health.HEALTHY)).isEqualTo(1);
		assertThat(headline.count(Health.NEVER)).isEqualTo(1);
		assertThat(headline.healthyShare()).isEqualTo(0.5);
		// breadth over the active counted users: seller used 1 of the 7 default features
		assertThat(headline.breadth()).isEqualTo(1 / 7.0);
		// depth: seller's 10 days × 3 actions over 4 weeks
		assertThat(headline.depth()).isEqualTo(30 / 4.0);
		assertThat(this.metrics.users(scope, AS_OF)).extracting(UserHealth::userId)
			.containsExactlyInAnyOrder(seller.id(), idle.id());
		java.util.List<Trend.Week> weeks = this.metrics.trend(scope, AS_OF, false).weeks();
		Trend.Week last = weeks.get(weeks.size() - 1);
		assertThat(last.licensedUsers()).isEqualTo(2);
		assertThat(last.adoptionRate()).isEqualTo(0.5);
	}

	@Test
	void theBuiltInAdministratorIsNotCountedByDefault() {
		User admin = this.directory.findByUsername("admin").orElseThrow();

		assertThat(admin.countedInAdoption()).isFalse();
		assertThat(admin.notCountedReason()).isEqualTo("The built-in administrator account");
	}

	@Test
	void administratorsFlagAUserOnTheFormAndTheListAndPageShowIt() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User trainer = this.testUsers.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc
			.perform(post("/admin/users/{id}", trainer.id()).with(session)
				.with(csrf())
				.param("username", trainer.username())
				.param("fullName", trainer.fullName())
				.param("email", trainer.email())
				.param("role", "REP")
				.param("version", String.valueOf(trainer.version()))
				.param("notCounted", "true")
				.param("notCountedReason", "Trains the new hires"))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		User flagged = this.directory.get(trainer.id());
		assertThat(flagged.notCountedReason()).isEqualTo("Trains the new hires");
		assertThat(flagged.countedInAdoption()).isFalse();

		this.mvc.perform(get("/admin/users").param("q", trainer.username()).with(session))
			.andExpect(content().string(containsString("Not counted in adoption figures: Trains the new hires")));
		this.mvc.perform(get("/admin/users/{id}", trainer.id()).with(session))
			.andExpect(content().string(containsString("id=\"user-not-counted-reason\"")));

		// unticked: counted again
		this.mvc
			.perform(post("/admin/users/{id}", trainer.id()).with(session)
				.with(csrf())
				.param("username", trainer.username())
				.param("fullName", trainer.fullName())
				.param("email", trainer.email())
				.param("role", "REP")
				.param("version", String.valueOf(flagged.version()))
				.param("notCountedReason", "Trains the new hires"))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		assertThat(this.directory.get(trainer.id()).countedInAdoption()).isTrue();
	}

	private void flagNotCounted(User user, String reason) {
		User current = this.directory.get(user.id());
		this.directory.update(user.id(), current.version(),
				new UserProfile(current.username(), current.fullName(), current.email(), current.title(),
						current.role(), current.managerId(), current.team(), current.region(), current.hiredOn(),
						current.integrationAccount(), reason),
				null);
	}

}
