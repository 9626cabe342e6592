package dev.bellwether.marketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Lead assignment rules: kept in order by marketing, sales administrators and
 * administrators; the first active rule that matches a lead without an owner chooses it.
 * <p>
 * A rule whose owner can't take leads now — its user deactivated or no longer a sales
 * person, or a team with no active member who may own leads — is passed over, so the lead
 * falls to the next rule rather than to nobody.
 * <p>
 * Round-robin within a team: the team's active members who may own leads
 * ({@link RecordOwners#isOwner}), in a stable order (name, then id), each lead to the
 * member after the one who got the rule's last lead. The pointer is the rule's row, read
 * and moved under a row lock ({@code for update}), so two leads created at once wait for
 * each other and go to two people, and nobody is skipped; a member deactivated since is
 * left out and the turn passes to whoever follows them in the order.
 */
@Service
@Transactional(readOnly = true)
public class LeadAssignmentRules {

	public static final String RECORD_TYPE = "lead assignment rule";

	/** Who keeps the rules. */
	public static final Set<Role> MANAGED_BY = Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.MARKETING);

	private static final String COUNTRY = "country";

	private static final Comparator<User> TEAM_ORDER = Comparator
		.comparing((User user) -> user.fullName().toLowerCase(Locale.ROOT))
		.thenComparing(User::id);

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final PickLists pickLists;

	private final InputValidation validation;

	private final Clock clock;

	LeadAssignmentRules(JdbcClient jdbc, UserDirectory users, PickLists pickLists, InputValidation validation,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.pickLists = pickLists;
		this.validation = validation;
		this.clock = clock;
	}

	public boolean canManage(Viewer viewer) {
		return MANAGED_BY.contains(viewer.role());
	}

	/**
	 * @return every rule, active or not, in the order they are tried
	 * @throws ForbiddenException for someone who doesn't keep the rules
	 */
	public List<LeadAssignmentRule> list(Viewer viewer) {
		requireManage(viewer);
		return all();
	}

	public LeadAssignmentRule get(Viewer viewer, UUID id) {
		requireManage(viewer);
		return load(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * Adds a rule at the end of the order.
	 * @throws InvalidInputException naming every wrong field at once
	 */
	@Transactional
	public LeadAssignmentRule create(Viewer viewer, LeadAssignmentRuleDetails input) {
		requireManage(viewer);
		LeadAssignmentRuleDetails details = validate(input, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into lead_assignment_rules (id, name, position, active, sources, countries, region, action,
				  assignee_id, team, created_at, created_by, updated_at, updated_by, version)
				values (:id, :name, (select coalesce(max(position), 0) + 1 from lead_assignment_rules), :active,
				  cast(:sources as text[]), cast(:countries as text[]), :region, :action, :assigneeId, :team,
				  :now, :actor, :now, :actor, 0)
				""")
			.params(columns(details))
			.param("id", id)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		return load(id).orElseThrow();
	}

	/**
	 * @throws StaleRecordException when the rule changed since the version read
	 */
	@Transactional
	public LeadAssignmentRule update(Viewer viewer, UUID id, long expectedVersion, LeadAssignmentRuleDetails input) {
		LeadAssignmentRule before = get(viewer, id);
		LeadAssignmentRuleDetails details = validate(input, id);
		int updated = this.jdbc.sql("""
				update lead_assignment_rules set name = :name, active = :active, sources = cast(:sources as text[]),
				  countries = cast(:countries as text[]), region = :region, action = :action, assignee_id = :assigneeId,
				  team = :team,
				  last_assigned_id = case when team is distinct from :team then null else last_assigned_id end,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""")
			.params(columns(details))
			.param("id", id)
			.param("version", expectedVersion)
			.param("now", utc(this.clock.instant()))
			.param("actor", viewer.id())
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, expectedVersion);
		}
		return load(id).orElseThrow();
	}

	/**
	 * Deletes the rule; the assignment log keeps its name.
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		get(viewer, id);
		this.jdbc.sql("delete from lead_assignment_rules where id = :id").param("id", id).update();
	}

	/**
	 * Moves the rule one place earlier ({@code -1}) or later ({@code +1}) in the order;
	 * at either end it stays.
	 */
	@Transactional
	public LeadAssignmentRule move(Viewer viewer, UUID id, int direction) {
		LeadAssignmentRule rule = get(viewer, id);
		List<LeadAssignmentRule> rules = all();
		int at = rules.stream().map(LeadAssignmentRule::id).toList().indexOf(id);
		int to = at + Integer.signum(direction);
		if (direction == 0 || to < 0 || to >= rules.size()) {
			return rule;
		}
		List<UUID> order = new ArrayList<>(rules.stream().map(LeadAssignmentRule::id).toList());
		order.set(at, order.get(to));
		order.set(to, id);
		for (int i = 0; i < order.size(); i++) {
			this.jdbc.sql("update lead_assignment_rules set position = :position where id = :id")
				.param("position", i + 1)
				.param("id", order.get(i))
				.update();
		}
		return load(id).orElseThrow();
	}

	/**
	 * The owner the rules would give the lead now, and by which rule, without taking a
	 * turn (the "test a lead" box).
	 */
	public Optional<RuleAssignment> preview(LeadDetails lead) {
		String source = stored(Leads.SOURCES, lead.source());
		String country = stored(COUNTRY, lead.country());
		for (LeadAssignmentRule rule : active()) {
			if (rule.matches(source, country)) {
				Optional<UUID> owner = ownerOf(rule);
				if (owner.isPresent()) {
					return Optional.of(new RuleAssignment(rule.id(), rule.name(), owner.get()));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Chooses the lead's owner by the rules, taking the round-robin turn (see the class
	 * comment); the caller's transaction holds the rule's lock until it ends.
	 * @return the owner and the rule, or nothing when no rule matches
	 */
	@Transactional
	public Optional<RuleAssignment> choose(LeadDetails lead) {
		String source = stored(Leads.SOURCES, lead.source());
		String country = stored(COUNTRY, lead.country());
		for (LeadAssignmentRule candidate : active()) {
			if (!candidate.matches(source, country)) {
				continue;
			}
			if (candidate.action() == LeadAssignmentAction.USER) {
				Optional<UUID> owner = ownerOf(candidate);
				if (owner.isPresent()) {
					return Optional.of(new RuleAssignment(candidate.id(), candidate.name(), owner.get()));
				}
				continue;
			}
			Optional<LeadAssignmentRule> locked = this.jdbc
				.sql("select * from lead_assignment_rules where id = :id and active for update")
				.param("id", candidate.id())
				.query(LeadAssignmentRules::map)
				.optional();
			Optional<UUID> next = locked.flatMap(this::ownerOf);
			if (next.isPresent()) {
				this.jdbc.sql("update lead_assignment_rules set last_assigned_id = :next where id = :id")
					.param("next", next.get())
					.param("id", candidate.id())
					.update();
				return Optional.of(new RuleAssignment(candidate.id(), candidate.name(), next.get()));
			}
		}
		return Optional.empty();
	}

	/**
	 * @return the teams of the active people who may own leads, by name, for a rule's
	 * round-robin
	 */
	public List<String> teams() {
		Set<String> teams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		this.users.activeSalesPeople()
			.stream()
			.map(User::team)
			.filter(StringUtils::hasText)
			.forEach(team -> teams.add(team.trim()));
		return List.copyOf(teams);
	}

	/**
	 * @return who takes turns in the team: its active members who may own leads, in the
	 * round-robin's order
	 */
	public List<User> teamMembers(String team) {
		return this.users.activeSalesPeople()
			.stream()
			.filter(RecordOwners::isOwner)
			.filter(user -> user.team() != null && user.team().trim().equalsIgnoreCase(team.trim()))
			.sorted(TEAM_ORDER)
			.toList();
	}

	/**
	 * @return the user the rule gives its next lead to (for round-robin, the member after
	 * the last one), or nothing when it has nobody who may own leads
	 */
	private Optional<UUID> ownerOf(LeadAssignmentRule rule) {
		if (rule.action() == LeadAssignmentAction.USER) {
			return this.users.find(rule.assigneeId()).filter(RecordOwners::isOwner).map(User::id);
		}
		List<User> members = teamMembers(rule.team());
		if (members.isEmpty()) {
			return Optional.empty();
		}
		Optional<User> last = (rule.lastAssignedId() != null) ? this.users.find(rule.lastAssignedId())
				: Optional.empty();
		if (last.isEmpty()) {
			return Optional.of(members.get(0).id());
		}
		return Optional.of(members.stream()
			.filter(member -> TEAM_ORDER.compare(member, last.get()) > 0)
			.findFirst()
			.orElse(members.get(0))
			.id());
	}

	private List<LeadAssignmentRule> all() {
		return this.jdbc.sql("select * from lead_assignment_rules order by position, id")
			.query(LeadAssignmentRules::map)
			.list();
	}

	private List<LeadAssignmentRule> active() {
		return this.jdbc.sql("select * from lead_assignment_rules where active order by position, id")
			.query(LeadAssignmentRules::map)
			.list();
	}

	private Optional<LeadAssignmentRule> load(UUID id) {
		return this.jdbc.sql("select * from lead_assignment_rules where id = :id")
			.param("id", id)
			.query(LeadAssignmentRules::map)
			.optional();
	}

	private void requireManage(Viewer viewer) {
		if (!canManage(viewer)) {
			throw new ForbiddenException(
					"Only marketing, sales administrators and administrators keep the lead assignment rules.");
		}
	}

	/**
	 * @return what the pick list stores for the input (a label, a key), or the trimmed
	 * input when it names no value
	 */
	private String stored(String list, String input) {
		if (!StringUtils.hasText(input)) {
			return null;
		}
		Optional<PickListValue> value = this.pickLists.find(list, input);
		return value.map(v -> this.pickLists.get(list).stored(v)).orElse(input.trim());
	}

	/**
	 * @return the details as stored: pick list values as stored, only the field the
	 * action uses
	 */
	private LeadAssignmentRuleDetails validate(LeadAssignmentRuleDetails input, UUID id) {
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(input));
		List<String> sources = values(Leads.SOURCES, "sources", input.sources(), errors);
		List<String> countries = values(COUNTRY, "countries", input.countries(), errors);
		UUID assignee = null;
		String team = null;
		if (input.action() == LeadAssignmentAction.USER) {
			if (input.assigneeId() == null) {
				errors.putIfAbsent("assigneeId", "Choose who gets the leads.");
			}
			else {
				Optional<User> user = this.users.find(input.assigneeId());
				if (user.isEmpty()) {
					errors.putIfAbsent("assigneeId", "There is no user with id " + input.assigneeId() + ".");
				}
				else if (!RecordOwners.isOwner(user.get())) {
					errors.putIfAbsent("assigneeId",
							user.get().fullName() + " can't own leads: leads belong to active sales people.");
				}
				assignee = input.assigneeId();
			}
		}
		else if (input.action() == LeadAssignmentAction.ROUND_ROBIN) {
			Optional<String> known = StringUtils.hasText(input.team())
					? teams().stream().filter(t -> t.equalsIgnoreCase(input.team().trim())).findFirst()
					: Optional.empty();
			if (!StringUtils.hasText(input.team())) {
				errors.putIfAbsent("team", "Choose the team that takes turns.");
			}
			else if (known.isEmpty()) {
				errors.putIfAbsent("team", "No active sales person is in the team '" + input.team().trim() + "'.");
			}
			team = known.orElse(null);
		}
		if (StringUtils.hasText(input.name()) && this.jdbc.sql(
				"select count(*) from lead_assignment_rules where lower(name) = lower(:name) and id is distinct from :id")
			.param("name", input.name().trim())
			.param("id", id)
			.query(Long.class)
			.single() > 0) {
			errors.putIfAbsent("name", "Another rule is called '" + input.name().trim() + "'.");
		}
		InputValidation.throwIfAny(errors);
		return new LeadAssignmentRuleDetails(input.name().trim(), input.active(), sources, countries, input.region(),
				input.action(), assignee, team);
	}

	private List<String> values(String list, String field, List<String> inputs, Map<String, String> errors) {
		List<String> stored = new ArrayList<>();
		for (String input : inputs) {
			if (!StringUtils.hasText(input)) {
				continue;
			}
			try {
				String value = this.pickLists.resolve(list, field, input, null);
				if (value != null && !stored.contains(value)) {
					stored.add(value);
				}
			}
			catch (InvalidInputException ex) {
				ex.fieldErrors().forEach(errors::putIfAbsent);
			}
		}
		return stored;
	}

	private static Map<String, Object> columns(LeadAssignmentRuleDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", details.name());
		columns.put("active", details.active());
		columns.put("sources", details.sources().toArray(String[]::new));
		columns.put("countries", details.countries().toArray(String[]::new));
		columns.put("region", (details.region() != null) ? details.region().name() : null);
		columns.put("action", details.action().name());
		columns.put("assigneeId", details.assigneeId());
		columns.put("team", details.team());
		return columns;
	}

	static LeadAssignmentRule map(ResultSet rs, int row) throws SQLException {
		String region = rs.getString("region");
		return new LeadAssignmentRule(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
				rs.getBoolean("active"), strings(rs, "sources"), strings(rs, "countries"),
				(region != null) ? WorldRegion.valueOf(region) : null,
				LeadAssignmentAction.valueOf(rs.getString("action")), rs.getObject("assignee_id", UUID.class),
				rs.getString("team"), rs.getObject("last_assigned_id", UUID.class), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), rs.getLong("version"));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
