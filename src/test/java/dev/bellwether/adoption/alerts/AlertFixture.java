package dev.bellwether.adoption.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Users provisioned long ago, their active days written straight into
 * {@code usage_daily}, deals, and the notifications they received: the hand-made fixtures
 * of the alert tests.
 */
class AlertFixture {

	static final Instant LONG_AGO = LocalDate.of(2024, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	private final TestUsers users;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Opportunities opportunities;

	AlertFixture(TestUsers users, JdbcClient jdbc, Accounts accounts, Opportunities opportunities) {
		this.users = users;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.opportunities = opportunities;
	}

	User user(Role role, User manager) {
		User user = this.users.create(role, manager == null ? null : manager.id());
		this.jdbc.sql("update users set provisioned_at = :at where id = :id")
			.param("at", utc(LONG_AGO))
			.param("id", user.id())
			.update();
		return user;
	}

	/**
	 * Active on each day from {@code from} to {@code to}, both included.
	 */
	void activeEachDay(User user, LocalDate from, LocalDate to) {
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			active(user, day);
		}
	}

	void active(User user, LocalDate day) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, logins, views, actions)
				values (:user, :day, true, 1, 3, 3)
				on conflict (user_id, day) do update set active = true
				""").param("user", user.id()).param("day", day).update();
	}

	/**
	 * An open deal of the owner, last touched {@code daysAgo} days ago.
	 */
	Opportunity deal(User owner, String amount, LocalDate closeDate, int daysAgo) {
		Viewer rep = TestUsers.viewer(owner);
		UUID account = this.accounts
			.create(rep,
					new AccountDetails("Alert Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, rep.id(), null))
			.id();
		Opportunity deal = this.opportunities.create(rep, new OpportunityDetails("Deal", account, null, rep.id(),
				PROPOSAL, new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
		this.jdbc.sql(
				"update opportunities set last_touched_at = last_touched_at - make_interval(days => :days) where id = :id")
			.param("days", daysAgo)
			.param("id", deal.id())
			.update();
		return deal;
	}

	void overdue(Opportunity deal, LocalDate closeDate) {
		this.jdbc.sql("update opportunities set close_date = :day where id = :id")
			.param("day", closeDate)
			.param("id", deal.id())
			.update();
	}

	List<Notification> notifications(User user, String kind) {
		return this.jdbc.sql("""
				select id, user_id, created_at, kind, title, body, link from notifications
				where user_id = :user and kind = :kind order by created_at, id
				""")
			.param("user", user.id())
			.param("kind", kind)
			.query((rs, row) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("kind"),
					rs.getString("title"), rs.getString("body"), rs.getString("link"), null))
			.list();
	}

	long alerts(String kind, UUID subjectId) {
		return this.jdbc.sql("select count(*) from adoption_alerts where kind = :kind and subject_id = :subject")
			.param("kind", kind)
			.param("subject", subjectId)
			.query(Long.class)
			.single();
	}

	void freshnessReading(User manager, String week, double share) {
		this.jdbc.sql("""
				insert into adoption_alerts (id, kind, subject_id, period_key, raised_at, details)
				values (:id, 'FRESHNESS_READING', :subject, :week, now(), cast(:details as jsonb))
				""")
			.param("id", UUID.randomUUID())
			.param("subject", manager.id())
			.param("week", week)
			.param("details", "{\"freshShareByValue\": " + share + "}")
			.update();
	}

}
