package dev.bellwether.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The SLA policies (tables {@code sla_policies}, {@code sla_targets}): administrators
 * keep them; service users, their managers and executives read them. A case takes the
 * active policy of its account's tier, else the active policy for any tier; at most one
 * of each is active (a second is refused, naming {@code active}).
 */
@Service
@Transactional(readOnly = true)
public class SlaPolicies {

	public static final String RECORD_TYPE = "SLA policy";

	/** Who reads the policies (administrators also change them). */
	public static final Set<Role> READERS = Set.of(Role.ADMIN, Role.EXECUTIVE, Role.SERVICE, Role.MANAGER);

	/** The policy the migration creates. */
	public static final UUID DEFAULT_POLICY = UUID.fromString("0193f000-0000-7000-8000-00000000a501");

	/** The longest target: a year of minutes (a calendar working around the clock). */
	public static final int MAX_MINUTES = 525_600;

	static final int MAX_NAME = 80;

	private final JdbcClient jdbc;

	private final BusinessCalendars calendars;

	private final Clock clock;

	SlaPolicies(JdbcClient jdbc, BusinessCalendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.clock = clock;
	}

	public static boolean canRead(Viewer viewer) {
		return READERS.contains(viewer.role());
	}

	public static boolean canEdit(Viewer viewer) {
		return viewer.isAdmin();
	}

	/**
	 * @return every policy: active first, the tier-less one before the tiers, then by
	 * name
	 */
	public List<SlaPolicy> list(Viewer viewer) {
		requireReader(viewer);
		return all();
	}

	public SlaPolicy get(Viewer viewer, UUID id) {
		requireReader(viewer);
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * @return the policy, for system use (no access check)
	 */
	public Optional<SlaPolicy> find(UUID id) {
		return rows("where p.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * @return the policy a case of an account of this tier takes: the tier's active
	 * policy, else the active policy for any tier; empty when neither exists (the case
	 * has no SLA)
	 */
	public Optional<SlaPolicy> forTier(AccountTier tier) {
		return rows("where p.active and (p.account_tier = :tier or p.account_tier is null)",
				Map.of("tier", tier.name()))
			.stream()
			.filter(policy -> policy.accountTier() != null)
			.findFirst()
			.or(() -> rows("where p.active and p.account_tier is null", Map.of()).stream().findFirst());
	}

	/**
	 * @throws InvalidInputException naming each wrong field ({@code name},
	 * {@code calendarId}, {@code warnPercentLeft}, {@code active},
	 * {@code targets.URGENT.firstResponse} …)
	 */
	@Transactional
	public SlaPolicy create(Viewer viewer, SlaPolicyDetails details) {
		requireEditor(viewer);
		Valid valid = validate(details, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		save(() -> this.jdbc.sql("""
				insert into sla_policies (id, name, calendar_id, account_tier, active, warn_percent_left, created_at,
				  created_by, updated_at, updated_by, version)
				values (:id, :name, :calendar, :tier, :active, :warn, :now, :actor, :now, :actor, 0)
				""")
			.param("id", id)
			.param("name", valid.name())
			.param("calendar", details.calendarId())
			.param("tier", (details.accountTier() != null) ? details.accountTier().name() : null)
			.param("active", valid.active())
			.param("warn", valid.warnPercentLeft())
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update());
		saveTargets(id, valid.targets());
		return find(id).orElseThrow();
	}

	/**
	 * @throws dev.bellwether.platform.StaleRecordException when it changed since the
	 * version read
	 */
	@Transactional
	public SlaPolicy update(Viewer viewer, UUID id, long expectedVersion, SlaPolicyDetails details) {
		requireEditor(viewer);
		SlaPolicy before = get(viewer, id);
		Valid valid = validate(details, id);
		VersionedUpdate update = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		save(() -> update.run(this.jdbc.sql("""
				update sla_policies set name = :name, calendar_id = :calendar, account_tier = :tier, active = :active,
				  warn_percent_left = :warn, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", valid.name())
			.param("calendar", details.calendarId())
			.param("tier", (details.accountTier() != null) ? details.accountTier().name() : null)
			.param("active", valid.active())
			.param("warn", valid.warnPercentLeft()), viewer.id(), this.clock.instant()));
		this.jdbc.sql("delete from sla_targets where policy_id = :id").param("id", id).update();
		saveTargets(id, valid.targets());
		return find(id).orElseThrow();
	}

	/**
	 * Deletes a policy. Cases that took it keep the targets they were given (their clocks
	 * hold a copy); a priority change on them takes the policy their account's tier has
	 * then.
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		requireEditor(viewer);
		get(viewer, id);
		this.jdbc.sql("delete from sla_policies where id = :id").param("id", id).update();
	}

	private List<SlaPolicy> all() {
		return rows("", Map.of());
	}

	private List<SlaPolicy> rows(String where, Map<String, ?> params) {
		Map<UUID, Map<CasePriority, SlaTargets>> targets = new LinkedHashMap<>();
		List<Row> policies = this.jdbc.sql("""
				select p.id, p.name, p.calendar_id, p.account_tier, p.active, p.warn_percent_left, p.version
				from sla_policies p
				""" + where + " order by p.active desc, p.account_tier nulls first, lower(p.name)")
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("calendar_id", UUID.class),
					(rs.getString("account_tier") != null) ? AccountTier.valueOf(rs.getString("account_tier")) : null,
					rs.getBoolean("active"), rs.getInt("warn_percent_left"), rs.getLong("version")))
			.list();
		if (policies.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("""
				select policy_id, priority, first_response_minutes, resolution_minutes from sla_targets
				where policy_id in (:ids)
				""").param("ids", policies.stream().map(Row::id).toList()).query((rs, n) -> {
			targets.computeIfAbsent(rs.getObject("policy_id", UUID.class), k -> new EnumMap<>(CasePriority.class))
				.put(CasePriority.valueOf(rs.getString("priority")),
						SlaTargets.ofMinutes(rs.getInt("first_response_minutes"), rs.getInt("resolution_minutes")));
			return null;
		}).list();
		return policies.stream()
			.map(row -> new SlaPolicy(row.id(), row.name(), row.calendarId(), row.tier(), row.active(), row.warn(),
					targets.getOrDefault(row.id(), Map.of()), row.version()))
			.toList();
	}

	private void saveTargets(UUID policyId, Map<CasePriority, SlaTargets> targets) {
		targets.forEach((priority, target) -> this.jdbc.sql("""
				insert into sla_targets (id, policy_id, priority, first_response_minutes, resolution_minutes)
				values (:id, :policy, :priority, :first, :resolution)
				""")
			.param("id", Ids.newId())
			.param("policy", policyId)
			.param("priority", priority.name())
			.param("first", target.firstResponse().toMinutes())
			.param("resolution", target.resolution().toMinutes())
			.update());
	}

	/**
	 * The unique indexes decide between two administrators saving at once; the check in
	 * {@link #validate} gives the message first in every other case.
	 */
	private void save(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			String message = ex.getMessage();
			if (message != null && message.contains("sla_policies_name_idx")) {
				throw new InvalidInputException("name", "Another policy has this name.");
			}
			throw new InvalidInputException("active", "Another active policy applies to this tier.");
		}
	}

	private Valid validate(SlaPolicyDetails details, UUID id) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = (details.name() != null) ? details.name().trim() : "";
		if (name.isEmpty()) {
			errors.put("name", "Name the policy, e.g. Premium support.");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters.");
		}
		else if (this.jdbc.sql("select count(*) from sla_policies where lower(name) = lower(:name) and id <> :id")
			.param("name", name)
			.param("id", (id != null) ? id : Ids.newId())
			.query(Long.class)
			.single() > 0) {
			errors.put("name", "Another policy is called " + name + ".");
		}
		if (details.calendarId() == null || !this.calendars.names().containsKey(details.calendarId())) {
			errors.put("calendarId", "Choose the business calendar the targets count in.");
		}
		int warn = (details.warnPercentLeft() != null) ? details.warnPercentLeft() : 25;
		if (warn < 1 || warn > 99) {
			errors.put("warnPercentLeft", "Warn with 1 to 99 percent of the time left (25 is a quarter).");
		}
		boolean active = details.active() == null || details.active();
		if (active) {
			Optional<String> clash = this.jdbc
				.sql("select name from sla_policies where active and coalesce(account_tier, '') = :tier and id <> :id")
				.param("tier", (details.accountTier() != null) ? details.accountTier().name() : "")
				.param("id", (id != null) ? id : Ids.newId())
				.query(String.class)
				.optional();
			clash.ifPresent(other -> errors.put("active", other + " is already the active policy for "
					+ ((details.accountTier() != null) ? details.accountTier().label() + " accounts" : "any tier")
					+ ": deactivate it first, or save this one inactive."));
		}
		Map<CasePriority, SlaTargets> targets = new EnumMap<>(CasePriority.class);
		Map<CasePriority, SlaPolicyDetails.TargetMinutes> given = (details.targets() != null) ? details.targets()
				: Map.of();
		for (CasePriority priority : CasePriority.values()) {
			SlaPolicyDetails.TargetMinutes minutes = given.get(priority);
			Integer first = (minutes != null) ? minutes.firstResponse() : null;
			Integer resolution = (minutes != null) ? minutes.resolution() : null;
			String prefix = "targets." + priority.name() + ".";
			boolean ok = true;
			if (first == null || first < 1 || first > MAX_MINUTES) {
				errors.put(prefix + "firstResponse", priority.label() + ": a first-response target is 1 to "
						+ MAX_MINUTES + " business minutes (60 is an hour).");
				ok = false;
			}
			if (resolution == null || resolution < 1 || resolution > MAX_MINUTES) {
				errors.put(prefix + "resolution", priority.label() + ": a resolution target is 1 to " + MAX_MINUTES
						+ " business minutes (480 is an eight-hour day).");
				ok = false;
			}
			else if (ok && resolution < first) {
				errors.put(prefix + "resolution", priority.label()
						+ ": resolution can't be sooner than the first response (" + first + " minutes).");
				ok = false;
			}
			if (ok) {
				targets.put(priority, SlaTargets.ofMinutes(first, resolution));
			}
		}
		InputValidation.throwIfAny(errors);
		return new Valid(name, active, warn, targets);
	}

	private static void requireReader(Viewer viewer) {
		if (!canRead(viewer)) {
			throw new ForbiddenException("Only service, managers, executives and administrators see SLA policies.");
		}
	}

	private static void requireEditor(Viewer viewer) {
		if (!canEdit(viewer)) {
			throw new ForbiddenException("Only administrators change SLA policies.");
		}
	}

	private record Row(UUID id, String name, UUID calendarId, AccountTier tier, boolean active, int warn,
			long version) {
	}

	private record Valid(String name, boolean active, int warnPercentLeft, Map<CasePriority, SlaTargets> targets) {
	}

}
