package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;

/**
 * The quotas in effect, worked out from those set explicitly (docs/forecasting.md,
 * "Quota"):
 * <ul>
 * <li>a person's personal quota for a period is the one set for it; else, for a year or a
 * quarter, the sum of its quarters' or months' personal quotas, when any is set; else
 * none;</li>
 * <li>a team's quota (a person and everyone below them) is the TEAM quota set for the
 * period; else, when a TEAM quota is set for any of its quarters or months, the sum of
 * its parts' team quotas; else the sum of the members' quotas: the manager's personal
 * quota plus each direct report's team quota (for someone without reports, their personal
 * quota); none when none of these is set.</li>
 * </ul>
 */
public final class QuotaBook {

	private final Map<Key, BigDecimal> explicit = new HashMap<>();

	private final FiscalCalendar calendar;

	private final OrgTree tree;

	private final Map<Key, BigDecimal> teams = new HashMap<>();

	private final Set<Key> computedTeams = new HashSet<>();

	QuotaBook(List<Quota> quotas, FiscalCalendar calendar, OrgTree tree) {
		quotas
			.forEach(quota -> this.explicit.put(new Key(quota.userId(), quota.period(), quota.kind()), quota.amount()));
		this.calendar = calendar;
		this.tree = tree;
	}

	/**
	 * @return the codes of the period and of its parts (quarters and months), the
	 * explicit quotas a book for the period needs
	 */
	static Set<String> codesFor(FiscalPeriod period, FiscalCalendar calendar) {
		Set<String> codes = new HashSet<>();
		codes.add(period.code());
		if (period.kind() != FiscalPeriod.Kind.MONTH) {
			calendar.parts(period, FiscalPeriod.Kind.MONTH).forEach(month -> codes.add(month.code()));
		}
		if (period.kind() == FiscalPeriod.Kind.YEAR) {
			calendar.parts(period, FiscalPeriod.Kind.QUARTER).forEach(quarter -> codes.add(quarter.code()));
		}
		return codes;
	}

	/**
	 * @return the amount set explicitly, or {@code null}
	 */
	public BigDecimal explicit(UUID userId, FiscalPeriod period, QuotaKind kind) {
		return this.explicit.get(new Key(userId, period.code(), kind));
	}

	/**
	 * @return the person's personal quota in effect for the period, or {@code null}
	 */
	public BigDecimal personal(UUID userId, FiscalPeriod period) {
		BigDecimal set = explicit(userId, period, QuotaKind.PERSONAL);
		if (set != null || period.kind() == FiscalPeriod.Kind.MONTH) {
			return set;
		}
		BigDecimal sum = null;
		for (FiscalPeriod part : parts(period)) {
			sum = add(sum, personal(userId, part));
		}
		return sum;
	}

	/**
	 * @return the quota in effect for the person and everyone below them, or {@code null}
	 */
	public BigDecimal team(UUID userId, FiscalPeriod period) {
		Key key = new Key(userId, period.code(), QuotaKind.TEAM);
		if (!this.computedTeams.contains(key)) {
			this.computedTeams.add(key); // a cycle in the chart meets an empty answer
			this.teams.put(key, computeTeam(userId, period));
		}
		return this.teams.get(key);
	}

	private BigDecimal computeTeam(UUID userId, FiscalPeriod period) {
		BigDecimal set = explicit(userId, period, QuotaKind.TEAM);
		if (set != null) {
			return set;
		}
		if (teamSetInParts(userId, period)) {
			BigDecimal sum = null;
			for (FiscalPeriod part : parts(period)) {
				sum = add(sum, team(userId, part));
			}
			return sum;
		}
		BigDecimal sum = personal(userId, period);
		for (var report : this.tree.reportsOf(userId)) {
			sum = add(sum, team(report.id(), period));
		}
		return sum;
	}

	private boolean teamSetInParts(UUID userId, FiscalPeriod period) {
		if (period.kind() == FiscalPeriod.Kind.MONTH) {
			return false;
		}
		for (FiscalPeriod part : parts(period)) {
			if (explicit(userId, part, QuotaKind.TEAM) != null || teamSetInParts(userId, part)) {
				return true;
			}
		}
		return false;
	}

	private List<FiscalPeriod> parts(FiscalPeriod period) {
		return this.calendar.parts(period,
				period.kind() == FiscalPeriod.Kind.YEAR ? FiscalPeriod.Kind.QUARTER : FiscalPeriod.Kind.MONTH);
	}

	private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
		if (amount == null) {
			return sum;
		}
		return sum == null ? amount : sum.add(amount);
	}

	/** A person's quota of a kind for a period (by its code). */
	private record Key(UUID userId, String period, QuotaKind kind) {

	}

}
