package dev.bellwether.adoption.internal.metrics;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key features breadth is measured against: {@code adoption_settings.settings ->
 * 'keyFeatures'} (an array of {@code module:KIND} keys, as usage capture records them in
 * {@code usage_daily.features}), or {@link #DEFAULTS} when none are set.
 */
@Component
public class KeyFeatures {

	public static final List<String> DEFAULTS = List.of("sales:VIEW", "sales:CREATE", "sales:UPDATE",
			"activities:CREATE", "customers:VIEW", "search:SEARCH", "home:DASHBOARD_VIEW");

	private final JdbcClient jdbc;

	KeyFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> current() {
		List<String> configured = this.jdbc.sql("""
				select distinct f from adoption_settings s,
				  jsonb_array_elements_text(case when jsonb_typeof(s.settings -> 'keyFeatures') = 'array'
				    then s.settings -> 'keyFeatures' else '[]'::jsonb end) f
				where s.id = 1 and f <> '' order by f
				""").query(String.class).list();
		return configured.isEmpty() ? DEFAULTS : configured;
	}

}
