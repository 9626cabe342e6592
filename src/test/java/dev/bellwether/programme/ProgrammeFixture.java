package dev.bellwether.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * People in teams of a test's own and their days of use, written straight into the tables
 * the figures read (as the adoption tests do), so that each test states exactly who used
 * the CRM on which day. Waves and champions are company-wide: each test starts from none.
 */
class ProgrammeFixture {

	static final Instant LONG_AGO = LocalDate.of(2024, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

	private final TestUsers users;

	private final JdbcClient jdbc;

	ProgrammeFixture(TestUsers users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	void clearProgramme() {
		this.jdbc.sql("delete from programme_waves").update();
		this.jdbc.sql("delete from programme_champions").update();
		this.jdbc.sql("delete from programme_champion_flags").update();
		this.jdbc.sql("delete from programme_champion_settings").update();
	}

	static String team(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A person of the team, provisioned long ago.
	 */
	User person(Role role, String team) {
		User user = this.users.create(role);
		this.jdbc.sql("update users set team = :team, provisioned_at = :at where id = :id")
			.param("team", team)
			.param("at", utc(LONG_AGO))
			.param("id", user.id())
			.update();
		return user;
	}

	void deactivate(User user) {
		this.jdbc.sql("update users set active = false, deactivated_at = :at where id = :id")
			.param("at", utc(LONG_AGO))
			.param("id", user.id())
			.update();
	}

	/**
	 * A day of use: a sign-in, {@code active} or not, and {@code creates} records
	 * created.
	 */
	void used(User user, LocalDate day, boolean active, int creates) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, logins, views, creates, actions)
				values (:user, :day, :active, 1, :views, :creates, :actions)
				""")
			.param("user", user.id())
			.param("day", day)
			.param("active", active)
			.param("views", active ? 1 : 0)
			.param("creates", creates)
			.param("actions", (active ? 1 : 0) + creates)
			.update();
	}

	void activeEachDay(User user, LocalDate from, LocalDate to) {
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			used(user, day, true, 0);
		}
	}

	/**
	 * Moves the wave's opening back to the given instant.
	 */
	void openedAt(UUID waveId, Instant at) {
		this.jdbc.sql("update programme_waves set opened_at = :at where id = :id")
			.param("at", utc(at))
			.param("id", waveId)
			.update();
	}

	static WaveDetails wave(String name, int position, String team, WaveGates gates) {
		return new WaveDetails(name, position, List.of(), List.of(team), List.of(), LocalDate.of(2026, 7, 14), gates);
	}

	static WaveGates activation(int days, int percent) {
		return new WaveGates(days, BigDecimal.valueOf(percent), null, null);
	}

	static WaveGates adoption(int percent) {
		return new WaveGates(null, null, BigDecimal.valueOf(percent), null);
	}

}
