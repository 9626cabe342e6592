package dev.bellwether.adoption.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Writes users and their daily usage straight into the tables the metrics read, so that
 * each test states exactly which days each user was active.
 */
class UsageFixture {

	static final Instant LONG_AGO = LocalDate.of(2024, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

	private final TestUsers users;

	private final JdbcClient jdbc;

	UsageFixture(TestUsers users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	User user(Role role, User manager) {
		User user = this.users.create(role, manager == null ? null : manager.id());
		provisioned(user, LONG_AGO);
		return user;
	}

	void provisioned(User user, Instant at) {
		this.jdbc.sql("update users set provisioned_at = :at where id = :id")
			.param("at", utc(at))
			.param("id", user.id())
			.update();
	}

	void deactivated(User user, LocalDate on) {
		this.jdbc.sql("update users set active = false, deactivated_at = :at where id = :id")
			.param("at", utc(on.atTime(12, 0).toInstant(ZoneOffset.UTC)))
			.param("id", user.id())
			.update();
	}

	void integrationAccount(User user) {
		this.jdbc.sql("update users set integration_account = true where id = :id").param("id", user.id()).update();
	}

	/**
	 * An active day: {@code actions} actions, using the given features.
	 */
	void active(User user, LocalDate day, int actions, String... features) {
		row(user.id(), day, true, actions, 0, 0, 0, 0, features);
	}

	/**
	 * Active on each day from {@code from} to {@code to}, both included.
	 */
	void activeEachDay(User user, LocalDate from, LocalDate to, int actions, String... features) {
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			active(user, day, actions, features);
		}
	}

	void row(UUID userId, LocalDate day, boolean active, int actions, int reportViews, int dashboardViews,
			int forecastViews, int exports, String... features) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, logins, views, actions, report_views, dashboard_views,
				  forecast_views, exports, features)
				values (:user, :day, :active, 1, :actions, :actions, :reports, :dashboards, :forecasts, :exports,
				  cast(:features as text[]))
				on conflict (user_id, day) do update set active = usage_daily.active or excluded.active,
				  actions = usage_daily.actions + excluded.actions,
				  report_views = usage_daily.report_views + excluded.report_views,
				  dashboard_views = usage_daily.dashboard_views + excluded.dashboard_views,
				  forecast_views = usage_daily.forecast_views + excluded.forecast_views,
				  exports = usage_daily.exports + excluded.exports,
				  features = usage_daily.features || excluded.features
				""")
			.param("user", userId)
			.param("day", day)
			.param("active", active)
			.param("actions", actions)
			.param("reports", reportViews)
			.param("dashboards", dashboardViews)
			.param("forecasts", forecastViews)
			.param("exports", exports)
			.param("features", "{" + String.join(",", features) + "}")
			.update();
	}

}
