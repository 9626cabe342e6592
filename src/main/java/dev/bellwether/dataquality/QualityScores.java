package dev.bellwether.dataquality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerQualityFacts;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.DealQualityFacts;
import dev.bellwether.sales.Opportunities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;

/**
 * Completeness scores and their trend, by team and owner, from the daily snapshots the
 * measurement writes; and one owner's records scored as they are now. A team is a manager
 * and everyone below them (identity's org chart); a score is the mean of the record
 * scores of everyone in it, so each record weighs the same.
 */
@Service
@Transactional(readOnly = true)
public class QualityScores {

	/** The record types scored, in the order pages show them. */
	public static final List<String> RECORD_TYPES = List.of(Accounts.RECORD_TYPE, Contacts.RECORD_TYPE,
			Opportunities.RECORD_TYPE);

	private final JdbcClient jdbc;

	private final DeskAccess access;

	private final UserDirectory users;

	private final CompletenessRules rules;

	private final CustomerQualityFacts customers;

	private final DealQualityFacts deals;

	QualityScores(JdbcClient jdbc, DeskAccess access, UserDirectory users, CompletenessRules rules,
			CustomerQualityFacts customers, DealQualityFacts deals) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.rules = rules;
		this.customers = customers;
		this.deals = deals;
	}

	/**
	 * @return whether the viewer may see data-quality scores (sales administrators,
	 * administrators, executives, managers)
	 */
	public static boolean seesScores(Viewer viewer) {
		return DeskAccess.seesScores(viewer);
	}

	/**
	 * The scores as last measured.
	 * @param team a manager whose team to show, {@code null} for the viewer's scope (a
	 * manager's own team)
	 * @throws ForbiddenException for a viewer who sees no scores
	 * @throws RecordNotFoundException for a team outside the viewer's scope
	 */
	public Scoreboard scoreboard(Viewer viewer, UUID team) {
		Set<UUID> scope = this.access.scoreOwners(viewer);
		OrgTree org = new OrgTree(this.users.people());
		UUID shown = team != null ? team : (scope == null ? null : viewer.id());
		Set<UUID> owners = owners(org, scope, shown);
		LocalDate day = lastDay();
		Map<UUID, Map<String, QualityScore>> perOwner = day == null ? Map.of() : snapshot(day, owners);
		Instant measuredAt = day == null ? null
				: this.jdbc.sql("select max(measured_at) as at from quality_snapshots where day = :day")
					.param("day", day)
					.query((rs, n) -> instant(rs, "at"))
					.single();
		Map<UUID, Map<QualityIssueKind, Long>> issues = openIssues(owners);

		Map<String, QualityScore> byType = sum(perOwner.values());
		List<Scoreboard.TeamScore> teams = new ArrayList<>();
		for (OrgTree.Node node : org.managers(shown, owners)) {
			Set<UUID> members = new LinkedHashSet<>(org.subtree(node.id()));
			members.retainAll(owners == null ? members : owners);
			Map<String, QualityScore> teamTypes = sum(
					members.stream().map(perOwner::get).filter(java.util.Objects::nonNull).toList());
			Person manager = org.person(node.id());
			teams.add(new Scoreboard.TeamScore(node.id(), manager.fullName() + "'s team", manager.team(), node.depth(),
					members.size(), total(teamTypes), teamTypes,
					members.stream().mapToLong(id -> count(issues.get(id))).sum()));
		}
		List<Scoreboard.OwnerScore> people = null;
		if (shown != null) {
			people = owners.stream().filter(id -> perOwner.containsKey(id) || issues.containsKey(id)).map(id -> {
				Map<String, QualityScore> types = perOwner.getOrDefault(id, Map.of());
				Person person = org.person(id);
				return new Scoreboard.OwnerScore(id, person == null ? "?" : person.fullName(),
						person != null && person.active(), total(types), types, count(issues.get(id)));
			})
				.sorted(Comparator
					.comparing((Scoreboard.OwnerScore o) -> o.overall().mean() == null ? 2.0 : o.overall().mean())
					.thenComparing(Scoreboard.OwnerScore::name))
				.toList();
		}
		Map<QualityIssueKind, Long> openIssues = new EnumMap<>(QualityIssueKind.class);
		issues.values().forEach(kinds -> kinds.forEach((kind, n) -> openIssues.merge(kind, n, Long::sum)));
		String teamName = shown == null ? "Everyone" : org.person(shown).fullName() + "'s team";
		return new Scoreboard(day, measuredAt, shown, teamName, total(byType), byType, teams, people, openIssues);
	}

	/**
	 * The completeness of the viewer's scope (or one team) on each measured day of the
	 * last {@code days} days, oldest first.
	 */
	public List<TrendPoint> trend(Viewer viewer, UUID team, int days) {
		Set<UUID> scope = this.access.scoreOwners(viewer);
		OrgTree org = new OrgTree(this.users.people());
		UUID shown = team != null ? team : (scope == null ? null : viewer.id());
		Set<UUID> owners = owners(org, scope, shown);
		LocalDate last = lastDay();
		if (last == null) {
			return List.of();
		}
		Map<LocalDate, Map<String, QualityScore>> byDay = new TreeMap<>();
		var statement = this.jdbc.sql("""
				select day, record_type, sum(records) as records, sum(score_sum) as score_sum, sum(complete) as complete
				from quality_snapshots
				where day > :from and %s
				group by day, record_type
				""".formatted(owners == null ? "true" : "owner_id in (select unnest(cast(:owners as uuid[])))"))
			.param("from", last.minusDays(Math.max(1, Math.min(days, 366))));
		if (owners != null) {
			statement = statement.param("owners", ids(owners));
		}
		statement.query(rs -> {
			byDay.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new LinkedHashMap<>())
				.put(rs.getString("record_type"), new QualityScore(rs.getLong("records"),
						rs.getBigDecimal("score_sum").doubleValue(), rs.getLong("complete")));
		});
		List<TrendPoint> points = new ArrayList<>();
		byDay.forEach((day, types) -> points.add(new TrendPoint(day, total(types), types)));
		return points;
	}

	/**
	 * One person's records of a type, scored as they are now, lowest first.
	 * @throws RecordNotFoundException for an owner outside the viewer's scope
	 */
	public List<ScoredRecord> records(Viewer viewer, UUID ownerId, String recordType) {
		Set<UUID> scope = this.access.scoreOwners(viewer);
		if (scope != null && !scope.contains(ownerId)) {
			throw new RecordNotFoundException("owner", ownerId);
		}
		CompletenessRules.RuleSet ruleSet = this.rules.ruleSet();
		List<ScoredRecord> records = new ArrayList<>();
		switch (recordType) {
			case Accounts.RECORD_TYPE -> this.customers.accounts(Set.of(ownerId),
					r -> records.add(scored(recordType, r, CustomerQualityFacts.ACCOUNT_FIELDS, ruleSet.account())));
			case Contacts.RECORD_TYPE -> this.customers.contacts(Set.of(ownerId),
					r -> records.add(scored(recordType, r, CustomerQualityFacts.CONTACT_FIELDS, ruleSet.contact())));
			default -> this.deals.openDeals(Set.of(ownerId), deal -> {
				List<String> counted = ruleSet.deal(deal.stageId());
				records.add(new ScoredRecord(Opportunities.RECORD_TYPE, deal.id(), deal.name(), deal.ownerId(),
						deal.stageName(), Completeness.score(counted, deal::has),
						Completeness.missing(counted, deal::has)
							.stream()
							.map(field -> ScoredRecord.MissingField.of(Opportunities.RECORD_TYPE, field))
							.toList(),
						deal.version()));
			});
		}
		records.sort(Comparator.comparing((ScoredRecord r) -> r.score() == null ? 2.0 : r.score())
			.thenComparing(r -> r.name() == null ? "" : r.name().toLowerCase()));
		return records;
	}

	/**
	 * @return the name of a person in the viewer's scope
	 */
	public String nameOf(Viewer viewer, UUID ownerId) {
		Set<UUID> scope = this.access.scoreOwners(viewer);
		if (scope != null && !scope.contains(ownerId)) {
			throw new RecordNotFoundException("owner", ownerId);
		}
		return this.users.namesOf(Set.of(ownerId)).getOrDefault(ownerId, "?");
	}

	/**
	 * The figures a home page shows: the score of the viewer's scope (or a team) now and
	 * 30 days before, and the open issues.
	 * @return {@code null} for a viewer who sees no scores
	 */
	public Summary summary(Viewer viewer, UUID team) {
		if (!seesScores(viewer)) {
			return null;
		}
		Scoreboard board = scoreboard(viewer, team);
		List<TrendPoint> trend = trend(viewer, board.team(), 30);
		Double before = trend.isEmpty() || trend.size() < 2 ? null : trend.get(0).overall().mean();
		LocalDate since = trend.isEmpty() || trend.size() < 2 ? null : trend.get(0).day();
		return new Summary(board.team(), board.teamName(), board.day(), board.overall(), before, since,
				board.openIssues(), trend);
	}

	/**
	 * @param scoreBefore the mean on the first measured day of the last 30, {@code null}
	 * when there is only one
	 */
	public record Summary(UUID team, String teamName, LocalDate day, QualityScore score, Double scoreBefore,
			LocalDate since, Map<QualityIssueKind, Long> openIssues, List<TrendPoint> trend) {

		/**
		 * The change since {@code since}, in percentage points; {@code null} without one.
		 */
		public Double change() {
			return this.scoreBefore == null || this.score.mean() == null ? null
					: Math.round((this.score.mean() - this.scoreBefore) * 1000) / 10.0;
		}

		public long issues(QualityIssueKind kind) {
			return this.openIssues.getOrDefault(kind, 0L);
		}

		public long brokenRecords() {
			return QualityIssueKind.brokenRecords(this.openIssues);
		}

	}

	private ScoredRecord scored(String recordType, CustomerQualityFacts.FilledFields record, List<String> fields,
			List<String> counted) {
		return new ScoredRecord(recordType, record.id(), record.name(), record.ownerId(), null,
				Completeness.score(counted, field -> record.has(fields, field)),
				Completeness.missing(counted, field -> record.has(fields, field))
					.stream()
					.map(field -> ScoredRecord.MissingField.of(recordType, field))
					.toList(),
				record.version());
	}

	/**
	 * @return the people shown: the team's (within the scope), the scope, or everyone
	 * ({@code null})
	 */
	private static Set<UUID> owners(OrgTree org, Set<UUID> scope, UUID team) {
		if (team == null) {
			return scope;
		}
		if (org.person(team) == null || (scope != null && !scope.contains(team))) {
			throw new RecordNotFoundException("team", team);
		}
		Set<UUID> members = new LinkedHashSet<>(org.subtree(team));
		if (scope != null) {
			members.retainAll(scope);
		}
		return members;
	}

	private LocalDate lastDay() {
		return this.jdbc.sql("select max(day) from quality_snapshots").query(LocalDate.class).optional().orElse(null);
	}

	private Map<UUID, Map<String, QualityScore>> snapshot(LocalDate day, Set<UUID> owners) {
		Map<UUID, Map<String, QualityScore>> perOwner = new HashMap<>();
		var statement = this.jdbc.sql("""
				select owner_id, record_type, records, score_sum, complete from quality_snapshots
				where day = :day and %s
				""".formatted(owners == null ? "true" : "owner_id in (select unnest(cast(:owners as uuid[])))"))
			.param("day", day);
		if (owners != null) {
			statement = statement.param("owners", ids(owners));
		}
		statement.query(rs -> {
			perOwner.computeIfAbsent(rs.getObject("owner_id", UUID.class), id -> new LinkedHashMap<>())
				.put(rs.getString("record_type"), new QualityScore(rs.getLong("records"),
						rs.getBigDecimal("score_sum").doubleValue(), rs.getLong("complete")));
		});
		return perOwner;
	}

	private Map<UUID, Map<QualityIssueKind, Long>> openIssues(Set<UUID> owners) {
		Map<UUID, Map<QualityIssueKind, Long>> issues = new HashMap<>();
		var statement = this.jdbc.sql("""
				select owner_id, kind, issues from quality_issue_counts where %s
				""".formatted(owners == null ? "true" : "owner_id in (select unnest(cast(:owners as uuid[])))"));
		if (owners != null) {
			statement = statement.param("owners", ids(owners));
		}
		statement.query(rs -> {
			issues.computeIfAbsent(rs.getObject("owner_id", UUID.class), id -> new EnumMap<>(QualityIssueKind.class))
				.put(QualityIssueKind.valueOf(rs.getString("kind")), rs.getLong("issues"));
		});
		return issues;
	}

	static String ids(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	private static long count(Map<QualityIssueKind, Long> issues) {
		return issues == null ? 0 : issues.values().stream().mapToLong(Long::longValue).sum();
	}

	private static Map<String, QualityScore> sum(Collection<Map<String, QualityScore>> scores) {
		Map<String, QualityScore> byType = new LinkedHashMap<>();
		RECORD_TYPES.forEach(type -> byType.put(type, QualityScore.NONE));
		scores.forEach(types -> types.forEach((type, score) -> byType.merge(type, score, QualityScore::plus)));
		return byType;
	}

	private static QualityScore total(Map<String, QualityScore> byType) {
		return byType.values().stream().reduce(QualityScore.NONE, QualityScore::plus);
	}

}
