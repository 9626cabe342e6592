package dev.bellwether.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for the last sign-in: every demo person's last sign-in on the user list is
 * their last sign-in in the usage the adoption figures count, and a person (not an
 * integration account) the adoption figures show active signed in.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DemoLastSignInTests {

	@Autowired
	DemoCompany demo;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theUserListsLastSignInIsTheLastSignInOfTheUsage() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.demo.seed(admin.id()));
		}
		List<Map<String, Object>> people = this.jdbc.queryForList("""
				select u.username, (select max(e.occurred_at) from usage_events e
				  where e.user_id = u.id and e.kind = 'LOGIN') as last_usage_login,
				  (select count(*) from usage_daily d where d.user_id = u.id and d.active) as active_days
				from users u where u.email like '%@bellwether-demo.com'
				""");
		assertThat(people).hasSizeGreaterThan(20);
		for (Map<String, Object> person : people) {
			User user = this.users.findByUsername((String) person.get("username")).orElseThrow();
			Object login = person.get("last_usage_login");
			Instant fromUsage = (login == null) ? null : (login instanceof Timestamp timestamp) ? timestamp.toInstant()
					: ((OffsetDateTime) login).toInstant();
			assertThat(user.lastLoginAt()).as(user.username()).isEqualTo(fromUsage);
			// an integration account works through the API with a token: no sign-ins
			if (((Number) person.get("active_days")).longValue() > 0 && !user.integrationAccount()) {
				assertThat(user.lastLoginAt()).as(user.username() + " is active in adoption").isNotNull();
			}
		}
	}

}
