package dev.bellwether.adoption.internal.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.adoption.internal.settings.AdoptionSettings;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key features breadth is measured against: {@code adoption_settings.settings ->
 * 'keyFeatures'} (an array of {@code module:KIND} keys, as usage capture records them in
 * {@code usage_daily.features}), or {@link #DEFAULTS} when none are set — the
 * company-wide list. A role may have a list of its own ({@code settings ->
 * 'keyFeaturesByRole' -> 'SERVICE'}); marketing and service users have one by default
 * ({@link #ROLE_DEFAULTS}), so that they are measured by their own work rather than by
 * the pipeline; an empty list kept for a role means "the company-wide list".
 * Administrators choose them ({@code /admin/adoption/key-features}) among the features
 * the modules of this build declare ({@link DeclaredUsage}); a kept choice a module no
 * longer declares is not counted.
 */
@Component
public class KeyFeatures {

	public static final List<String> DEFAULTS = List.of("sales:VIEW", "sales:CREATE", "sales:UPDATE",
			"activities:CREATE", "customers:VIEW", "search:SEARCH", "home:DASHBOARD_VIEW");

	/**
	 * The roles measured by a list of their own unless an administrator says otherwise:
	 * marketing works leads and campaigns, service works cases; both look up customers
	 * and search.
	 */
	public static final Map<Role, List<String>> ROLE_DEFAULTS = Map.of(Role.MARKETING,
			List.of("marketing:VIEW", "marketing:CREATE", "marketing:UPDATE", "marketing:REPORT_VIEW", "customers:VIEW",
					"search:SEARCH"),
			Role.SERVICE, List.of("service:VIEW", "service:CREATE", "service:UPDATE", "service:DASHBOARD_VIEW",
					"customers:VIEW", "search:SEARCH"));

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

	/**
	 * @return the list each person is measured against, by role, kept like
	 * {@link #current()}
	 */
	public KeyFeatureSets sets() {
		return this.figures.get(List.of("key-feature-sets"), this::readSets).value();
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

	private KeyFeatureSets readSets() {
		Map<Role, List<String>> kept = new EnumMap<>(Role.class);
		this.jdbc.sql("""
				select r.key as role, f
				from adoption_settings s,
				  jsonb_each(case when jsonb_typeof(s.settings -> 'keyFeaturesByRole') = 'object'
				    then s.settings -> 'keyFeaturesByRole' else '{}'::jsonb end) r
				  left join lateral jsonb_array_elements_text(case when jsonb_typeof(r.value) = 'array'
				    then r.value else '[]'::jsonb end) f on true
				where s.id = 1 order by 1, 2
				""").query((rs, n) -> {
			Role role = role(rs.getString("role"));
			if (role != null) {
				List<String> keys = kept.computeIfAbsent(role, r -> new ArrayList<>());
				String key = rs.getString("f");
				if (key != null && this.declared.declares(key)) {
					keys.add(key);
				}
			}
			return role;
		}).list();
		Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
		ROLE_DEFAULTS.forEach((role, keys) -> byRole.put(role, keys.stream().filter(this.declared::declares).toList()));
		// kept choices win over the defaults; an empty one means the company-wide list
		kept.forEach((role, keys) -> byRole.put(role, keys));
		byRole.values().removeIf(List::isEmpty);
		return new KeyFeatureSets(current(), byRole);
	}

	private static Role role(String name) {
		return Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).findFirst().orElse(null);
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
		List<String> chosen = validated(keys);
		this.settings.put("keyFeatures", chosen, actorId);
		// written (one statement, committed): every kept figure counted breadth against
		// the old ones
		this.figures.clear();
		return chosen;
	}

	/**
	 * Gives the role a list of its own (used by its people's breadth from now on).
	 * @throws InvalidInputException like {@link #set}
	 */
	public List<String> setForRole(Role role, List<String> keys, UUID actorId) {
		List<String> chosen = validated(keys);
		putForRole(role, chosen, actorId);
		return chosen;
	}

	/**
	 * Measures the role's people by the company-wide list from now on.
	 */
	public void useCompanyList(Role role, UUID actorId) {
		putForRole(role, List.of(), actorId);
	}

	private void putForRole(Role role, List<String> keys, UUID actorId) {
		Map<String, List<String>> byRole = new TreeMap<>();
		KeyFeatureSets sets = readSets();
		sets.byRole().forEach((r, k) -> byRole.put(r.name(), k));
		// roles with a default list keep "the company-wide list" explicitly
		ROLE_DEFAULTS.keySet().forEach(r -> byRole.putIfAbsent(r.name(), List.of()));
		byRole.put(role.name(), keys);
		this.settings.put("keyFeaturesByRole", byRole, actorId);
		this.figures.clear();
	}

	private List<String> validated(List<String> keys) {
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
		return chosen;
	}

}
