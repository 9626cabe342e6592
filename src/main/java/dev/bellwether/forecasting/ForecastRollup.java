package dev.bellwether.forecasting;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.ForecastCategory;

/**
 * Adds up the forecast over the manager hierarchy (docs/forecasting.md, "Roll-up"): each
 * person's own deals, and for each manager a team row of the manager and everyone below
 * them, their own deals in a row of their own under it. A report is shown when they or
 * anyone below them has deals or a quota in the period, or when they are an active rep,
 * manager or executive; a hidden report adds nothing (they have no figures).
 */
final class ForecastRollup {

	private static final Set<Role> SELLING = EnumSet.of(Role.REP, Role.MANAGER, Role.EXECUTIVE);

	private final OrgTree tree;

	private final Map<UUID, ForecastAmounts> byOwner;

	private final QuotaBook quotas;

	private final FiscalPeriod period;

	private final Map<UUID, ForecastAmounts> teams = new HashMap<>();

	private final Map<UUID, Boolean> relevant = new HashMap<>();

	private final Map<UUID, Map<ForecastCategory, Adjustment>> adjustments;

	private final Map<UUID, ForecastAmounts> adjustedTeams = new HashMap<>();

	ForecastRollup(OrgTree tree, Map<UUID, ForecastAmounts> byOwner, QuotaBook quotas, FiscalPeriod period) {
		this(tree, byOwner, quotas, period, Map.of());
	}

	/**
	 * @param adjustments the adjustments in effect, by person and category
	 */
	ForecastRollup(OrgTree tree, Map<UUID, ForecastAmounts> byOwner, QuotaBook quotas, FiscalPeriod period,
			Map<UUID, Map<ForecastCategory, Adjustment>> adjustments) {
		this.adjustments = adjustments;
		this.tree = tree;
		this.byOwner = byOwner;
		this.quotas = quotas;
		this.period = period;
	}

	List<ForecastRow> rows(UUID top) {
		List<ForecastRow> rows = new ArrayList<>();
		add(top, null, 0, rows, new HashSet<>());
		return rows;
	}

	private void add(UUID id, String parentKey, int depth, List<ForecastRow> rows, Set<UUID> seen) {
		if (!seen.add(id)) {
			return;
		}
		Person person = this.tree.person(id);
		List<Person> shown = this.tree.reportsOf(id).stream().filter(report -> isRelevant(report.id())).toList();
		if (shown.isEmpty()) {
			rows.add(new ForecastRow("person-" + id, parentKey, ForecastRow.Kind.PERSON, id, person.fullName(),
					person.active(), depth, own(id), ForecastMeasures.of(own(id), this.quotas.team(id, this.period)),
					adjust(id, own(id)), adjustmentsOf(id)));
			return;
		}
		String key = "team-" + id;
		ForecastAmounts team = team(id, new HashSet<>());
		rows.add(new ForecastRow(key, parentKey, ForecastRow.Kind.TEAM, id, person.fullName(), person.active(), depth,
				team, ForecastMeasures.of(team, this.quotas.team(id, this.period)), adjustedTeam(id, new HashSet<>()),
				adjustmentsOf(id)));
		rows.add(new ForecastRow("own-" + id, key, ForecastRow.Kind.OWN, id, person.fullName(), person.active(),
				depth + 1, own(id), ForecastMeasures.of(own(id), this.quotas.personal(id, this.period)), own(id),
				Map.of()));
		for (Person report : shown) {
			add(report.id(), key, depth + 1, rows, seen);
		}
	}

	/**
	 * A person's top row adjusted: their own adjustments where they have them, else the
	 * sum of their own deals and their reports' adjusted top rows.
	 */
	private ForecastAmounts adjustedTeam(UUID id, Set<UUID> seen) {
		ForecastAmounts known = this.adjustedTeams.get(id);
		if (known != null) {
			return known;
		}
		ForecastAmounts sum = own(id);
		if (seen.add(id)) {
			for (Person report : this.tree.reportsOf(id)) {
				sum = sum.plus(adjustedTeam(report.id(), seen));
			}
		}
		ForecastAmounts adjusted = adjust(id, sum);
		this.adjustedTeams.put(id, adjusted);
		return adjusted;
	}

	private ForecastAmounts adjust(UUID id, ForecastAmounts below) {
		Map<ForecastCategory, Adjustment> made = adjustmentsOf(id);
		return new ForecastAmounts(below.closed(), figure(made, ForecastCategory.COMMIT, below.commit()),
				figure(made, ForecastCategory.BEST_CASE, below.bestCase()),
				figure(made, ForecastCategory.PIPELINE, below.pipeline()), below.omitted(), below.closedDeals(),
				below.commitDeals(), below.bestCaseDeals(), below.pipelineDeals(), below.omittedDeals());
	}

	private static java.math.BigDecimal figure(Map<ForecastCategory, Adjustment> made, ForecastCategory category,
			java.math.BigDecimal otherwise) {
		Adjustment adjustment = made.get(category);
		return adjustment == null || adjustment.amount() == null ? otherwise : adjustment.amount();
	}

	private Map<ForecastCategory, Adjustment> adjustmentsOf(UUID id) {
		return this.adjustments.getOrDefault(id, Map.of());
	}

	private ForecastAmounts own(UUID id) {
		return this.byOwner.getOrDefault(id, ForecastAmounts.NONE);
	}

	private ForecastAmounts team(UUID id, Set<UUID> seen) {
		ForecastAmounts known = this.teams.get(id);
		if (known != null) {
			return known;
		}
		ForecastAmounts sum = own(id);
		if (seen.add(id)) {
			for (Person report : this.tree.reportsOf(id)) {
				sum = sum.plus(team(report.id(), seen));
			}
		}
		this.teams.put(id, sum);
		return sum;
	}

	private boolean isRelevant(UUID id) {
		Boolean known = this.relevant.get(id);
		if (known != null) {
			return known;
		}
		this.relevant.put(id, false); // a cycle answers no
		Person person = this.tree.person(id);
		boolean relevant = (person.active() && !person.integrationAccount() && SELLING.contains(person.role()))
				|| !own(id).isEmpty() || this.quotas.personal(id, this.period) != null
				|| this.quotas.explicit(id, this.period, QuotaKind.TEAM) != null;
		if (!relevant) {
			for (Person report : this.tree.reportsOf(id)) {
				if (isRelevant(report.id())) {
					relevant = true;
					break;
				}
			}
		}
		this.relevant.put(id, relevant);
		return relevant;
	}

}
