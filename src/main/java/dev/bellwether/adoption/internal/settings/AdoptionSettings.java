package dev.bellwether.adoption.internal.settings;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The settings administrators change ({@code adoption_settings}, one row of JSON): each
 * setting is written by name, leaving the others as they are, with who changed them and
 * when.
 */
@Component
public class AdoptionSettings {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AdoptionSettings(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param name the setting ({@code keyFeatures}, {@code scoreWeights})
	 * @param value written as JSON
	 */
	public void put(String name, Object value, UUID actorId) {
		this.jdbc
			.sql("""
					insert into adoption_settings (id, settings, updated_at, updated_by)
					values (1, jsonb_build_object(cast(:name as text), cast(:value as jsonb)), :now, :actor)
					on conflict (id) do update set
					  settings = adoption_settings.settings || jsonb_build_object(cast(:name as text), cast(:value as jsonb)),
					  updated_at = :now, updated_by = :actor, version = adoption_settings.version + 1
					""")
			.param("name", name)
			.param("value", this.json.writeValueAsString(value))
			.param("now", utc(this.clock.instant()))
			.param("actor", actorId)
			.update();
	}

}
