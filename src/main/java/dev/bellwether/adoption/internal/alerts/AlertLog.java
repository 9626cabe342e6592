package dev.bellwether.adoption.internal.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The alerts raised ({@code adoption_alerts}), one per kind, subject and period, so that
 * an alert is raised once however often (and on however many nodes) it is evaluated. Also
 * keeps each team's weekly pipeline freshness reading, which cannot be recomputed for a
 * past week (a deal keeps only its last touch).
 */
@Component
class AlertLog {

	/** Not an alert: a team's freshness share by value as read in a week. */
	static final String FRESHNESS_READING = "FRESHNESS_READING";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AlertLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records the alert unless it was raised already.
	 * @return whether it is new (and so should be sent)
	 */
	boolean raise(String kind, UUID subjectId, String periodKey, Map<String, ?> details) {
		return this.jdbc.sql("""
				insert into adoption_alerts (id, kind, subject_id, period_key, raised_at, details)
				values (:id, :kind, :subject, :period, :at, cast(:details as jsonb))
				on conflict (kind, subject_id, period_key) do nothing
				""")
			.param("id", Ids.newId())
			.param("kind", kind)
			.param("subject", subjectId)
			.param("period", periodKey)
			.param("at", utc(Instant.now(this.clock)))
			.param("details", this.json.writeValueAsString(details))
			.update() > 0;
	}

	/**
	 * Forgets an alert, so that it can be raised again (when nothing could be sent).
	 */
	void withdraw(String kind, UUID subjectId, String periodKey) {
		this.jdbc
			.sql("delete from adoption_alerts where kind = :kind and subject_id = :subject and period_key = :period")
			.param("kind", kind)
			.param("subject", subjectId)
			.param("period", periodKey)
			.update();
	}

	/**
	 * Keeps the team's freshness reading for the week, unless one was taken already.
	 */
	void recordFreshness(UUID managerId, String week, double shareByValue) {
		raise(FRESHNESS_READING, managerId, week, Map.of("freshShareByValue", shareByValue));
	}

	/**
	 * @return the readings of the team in those weeks (weeks without one left out)
	 */
	Map<String, Double> freshnessReadings(UUID managerId, Collection<String> weeks) {
		Map<String, Double> readings = new HashMap<>();
		this.jdbc.sql("""
				select period_key, cast(details ->> 'freshShareByValue' as double precision) as share
				from adoption_alerts
				where kind = :kind and subject_id = :subject and period_key = any(cast(:weeks as varchar[]))
				""")
			.param("kind", FRESHNESS_READING)
			.param("subject", managerId)
			.param("weeks", "{" + String.join(",", weeks) + "}")
			.query((rs, row) -> readings.put(rs.getString("period_key"), rs.getDouble("share")))
			.list();
		return readings;
	}

}
