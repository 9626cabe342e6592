package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.ForecastFigures;
import dev.bellwether.sales.ForecastTotal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast grid: for a fiscal period, each person's and team's deals by forecast
 * category over today's manager hierarchy, with quota, attainment, gap and coverage
 * (docs/forecasting.md). A person sees their own forecast and that of anyone below them,
 * never above; executives, sales administrators and administrators see anyone's.
 */
@Service
@Transactional(readOnly = true)
public class Forecasts {

	private static final Set<Role> SEE_ANYONES = EnumSet.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	private final ForecastFigures figures;

	private final Quotas quotas;

	private final UserDirectory users;

	private final OrgChart orgChart;

	private final FiscalCalendar calendar;

	private final Adjustments adjustments;

	Forecasts(ForecastFigures figures, Quotas quotas, UserDirectory users, OrgChart orgChart, FiscalCalendar calendar,
			Adjustments adjustments) {
		this.adjustments = adjustments;
		this.figures = figures;
		this.quotas = quotas;
		this.users = users;
		this.orgChart = orgChart;
		this.calendar = calendar;
	}

	/**
	 * @param periodCode {@code 2026-Q4}, {@code 2026-11} or {@code FY2026}; blank for the
	 * current fiscal quarter
	 * @param managerId whose organisation; {@code null} for the viewer's
	 * @throws InvalidInputException for a malformed period or an unknown person
	 * @throws ForbiddenException for someone above the viewer or in another branch
	 */
	public Forecast forecast(Viewer viewer, String periodCode, UUID managerId) {
		FiscalPeriod period = period(periodCode);
		UUID top = managerId != null ? managerId : viewer.id();
		OrgTree tree = visibleTree(viewer, top);
		List<Person> organisation = tree.organisationOf(top);
		List<UUID> ids = organisation.stream().map(Person::id).toList();
		Map<UUID, ForecastAmounts> byOwner = new HashMap<>();
		for (ForecastFigures.Cell cell : this.figures.byOwnerAndCategory(viewer, ids, period.start(), period.end())) {
			byOwner.merge(cell.ownerId(), amounts(cell), ForecastAmounts::plus);
		}
		QuotaBook book = this.quotas.book(ids, period, tree);
		List<ForecastRow> rows = new ForecastRollup(tree, byOwner, book, period,
				this.adjustments.inEffect(ids, period.code()))
			.rows(top);
		return new Forecast(period, top, tree.person(top).fullName(), rows);
	}

	/**
	 * Every adjustment of the forecasts of a manager's organisation for a period, oldest
	 * first: the history behind the adjusted figures.
	 * @throws ForbiddenException as {@link #forecast}
	 */
	public List<Adjustment> adjustments(Viewer viewer, String periodCode, UUID managerId) {
		FiscalPeriod period = period(periodCode);
		UUID top = managerId != null ? managerId : viewer.id();
		return this.adjustments.history(visibleTree(viewer, top).organisationOf(top).stream().map(Person::id).toList(),
				period.code());
	}

	/**
	 * Today's hierarchy, once the viewer is known to be allowed to see the forecast of
	 * the person at its top.
	 */
	private OrgTree visibleTree(Viewer viewer, UUID top) {
		OrgTree tree = new OrgTree(this.users.people());
		if (!tree.contains(top)) {
			throw new InvalidInputException("manager", "There is no user with id " + top + ".");
		}
		if (!canSee(viewer, top)) {
			throw new ForbiddenException("manager",
					"You can see the forecast of yourself and the people below you, not " + tree.person(top).fullName()
							+ "'s.");
		}
		return tree;
	}

	/**
	 * @return whether the viewer may see the person's forecast
	 */
	public boolean canSee(Viewer viewer, UUID userId) {
		return viewer.id().equals(userId) || SEE_ANYONES.contains(viewer.role())
				|| this.orgChart.isAbove(viewer.id(), userId);
	}

	public FiscalPeriod period(String code) {
		return (code == null || code.isBlank()) ? this.calendar.current(FiscalPeriod.Kind.QUARTER)
				: this.calendar.period(code, "period");
	}

	/**
	 * The deals behind a figure of a row: for a team row its whole organisation's, for a
	 * person's own row theirs; {@code category} {@code null} for none (derived figures).
	 * @return a link to the deal list, where the deals are changed inline
	 */
	public static String dealsLink(ForecastRow row, ForecastCategory category, FiscalPeriod period, boolean api) {
		var filter = ForecastFigures.dealsBehind(row.isTeam() ? null : row.userId(), row.isTeam() ? row.userId() : null,
				category, period.start(), period.end());
		return api ? ForecastFigures.apiLink(filter) : ForecastFigures.dealListLink(filter);
	}

	/**
	 * The deals behind a cumulative figure of a row (Commit forecast, Best case forecast,
	 * Open pipeline), on the deal list page.
	 */
	public static String dealsLink(ForecastRow row, ForecastTotal total, FiscalPeriod period) {
		return ForecastFigures.dealListLink(ForecastFigures.dealsBehind(row.isTeam() ? null : row.userId(),
				row.isTeam() ? row.userId() : null, total, period.start(), period.end()));
	}

	private static ForecastAmounts amounts(ForecastFigures.Cell cell) {
		BigDecimal amount = cell.amount();
		BigDecimal zero = BigDecimal.ZERO;
		long deals = cell.deals();
		return switch (cell.category()) {
			case CLOSED -> new ForecastAmounts(amount, zero, zero, zero, zero, deals, 0, 0, 0, 0);
			case COMMIT -> new ForecastAmounts(zero, amount, zero, zero, zero, 0, deals, 0, 0, 0);
			case BEST_CASE -> new ForecastAmounts(zero, zero, amount, zero, zero, 0, 0, deals, 0, 0);
			case PIPELINE -> new ForecastAmounts(zero, zero, zero, amount, zero, 0, 0, 0, deals, 0);
			case OMITTED -> new ForecastAmounts(zero, zero, zero, zero, amount, 0, 0, 0, 0, deals);
		};
	}

}
