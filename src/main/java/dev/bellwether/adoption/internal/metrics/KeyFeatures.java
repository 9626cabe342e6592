package dev.bellwether.adoption.internal.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.adoption.internal.settings.AdoptionSettings;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key features breadth is measured against: {@code adoption_settings.settings ->
 * 'keyFeatures'} (an array of {@code module:KIND} keys, as usage capture records them in
 * {@code usage_daily.features}), or {@link #DEFAULTS} when none are set. Administrators
 * choose them ({@code /admin/adoption/key-features}) among the features the modules of
 * this build declare ({@link DeclaredUsage}); a kept choice a module no longer declares
 * is not counted.
 */
@Component
public class KeyFeatures {

	public static final List<String> DEFAULTS = List.of("sales:VIEW", "sales:CREATE", "sales:UPDATE",
			"activities:CREATE", "customers:VIEW", "search:SEARCH", "home:DASHBOARD_VIEW");

	/** At most this many key features. */
	public static final int MAXIMUM = 40;

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}:[A-Z_]{1,30}");

	private final JdbcClient jdbc;

	private final AdoptionSettings settings;

	private final Clock clock;

	private final FiguresCache figures;

	private final DeclaredUsage declared;

	private final UserDirectory users;

	KeyFeatures(JdbcClient jdbc, AdoptionSettings settings, Clock clock, FiguresCache figures, DeclaredUsage declared,
			UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
		this.declared = declared;
		this.settings = settings;
		this.clock = clock;
		this.figures = figures;
	}

	/**
	 * @return the key features, kept with the figures (every figure asks for them; a
	 * change shows at once on this node, on others within the figures' max age)
	 */
	public List<String> current() {
		return this.figures.get(List.of("key-features"), this::read).value();
	}

	private List<String> read() {
		List<String> configured = this.jdbc.sql("""
				select distinct f from adoption_settings s,
				  jsonb_array_elements_text(case when jsonb_typeof(s.settings -> 'keyFeatures') = 'array'
				    then s.settings -> 'keyFeatures' else '[]'::jsonb end) f
				where s.id = 1 and f <> '' order by f
				""").query(String.class).list();
		List<String> counted = configured.stream().filter(this.declared::declares).toList();
		return counted.isEmpty() ? DEFAULTS : counted;
	}

	/**
	 * Every feature an administrator might choose: every declared one, each with how many
	 * people used it in the last 28 days (people not counted in adoption figures left
	 * out), by key.
	 */
	public Map<String, Long> candidates() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		Map<String, Long> used = new LinkedHashMap<>();
		this.jdbc.sql("""
				select f, count(distinct d.user_id) as people
				from usage_daily d cross join lateral unnest(d.features) f
				where d.day >= :from28 and d.user_id <> all (cast(:notCounted as uuid[]))
				group by f
				""")
			.param("from28", today.minusDays(27))
			.param("notCounted",
					SqlArrays.of(this.users.people()
						.stream()
						.filter(person -> !person.countedInAdoption())
						.map(Person::id)
						.toList()))
			.query((rs, n) -> used.put(rs.getString("f"), rs.getLong("people")))
			.list();
		Map<String, Long> candidates = new LinkedHashMap<>();
		this.declared.features().forEach(key -> candidates.put(key, used.getOrDefault(key, 0L)));
		return candidates;
	}

	/**
	 * Sets the key features (used by every breadth figure from now on, and by the scores
	 * computed from now on).
	 * @throws InvalidInputException when none is given, too many, or one is not a
	 * declared feature
	 */
	public List<String> set(List<String> keys, UUID actorId) {
		List<String> chosen = new ArrayList<>(new TreeSet<>(keys == null ? List.of() : keys));
		if (chosen.isEmpty()) {
			throw new InvalidInputException("keyFeatures", "Choose at least one key feature.");
		}
		if (chosen.size() > MAXIMUM) {
			throw new InvalidInputException("keyFeatures",
					"Choose at most " + MAXIMUM + " key features (" + chosen.size() + " chosen).");
		}
		for (String key : chosen) {
			if (!KEY.matcher(key).matches() || Arrays.stream(UsageKind.values())
				.noneMatch(kind -> kind.name().equals(key.substring(key.indexOf(':') + 1)))) {
				throw new InvalidInputException("keyFeatures",
						"\"" + (key.length() > 60 ? key.substring(0, 60) + "…" : key)
								+ "\" is not a feature: a module and a kind of usage, such as sales:UPDATE.");
			}
			if (!this.declared.declares(key)) {
				throw new InvalidInputException("keyFeatures",
						"\"" + key + "\" is not captured by this version of Bellwether: no module produces it.");
			}
		}
		this.settings.put("keyFeatures", chosen, actorId);
		// written (one statement, committed): every kept figure counted breadth against
		// the old ones
		this.figures.clear();
		return chosen;
	}

}
