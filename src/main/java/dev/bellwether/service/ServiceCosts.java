package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.sales.AccountRevenue;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cost of service: time logged on cases at the hourly rate of the logger's role in
 * force on the entry's day ({@link ServiceCostRates}), plus the cases' expenses — per
 * case, and over a period by account, product, agent or month, beside the cases resolved
 * in it and, per account, its won revenue ({@link CostFigures} defines each figure). Time
 * counts on its day and expenses on theirs (company days); resolved cases by the moment
 * they were resolved (company time zone). Only the cases the viewer may see count, so the
 * figures follow the cases' visibility; people who do not work cases are refused the
 * period figures.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCosts {

	private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);

	private static final LocalDate EVER_TO = LocalDate.of(2999, 12, 31);

	/**
	 * Each item of cost on a day of the period: a time entry (its minutes, and minutes ×
	 * the rate in force — null without one) or an expense, with the case and the person.
	 */
	private static final String ITEMS = """
			select e.case_id, e.user_id as person, e.entry_date as day, e.minutes as minutes,
			       e.minutes * rate.hourly_rate as minute_cost, cast(0 as numeric) as expense,
			       case when rate.hourly_rate is null then e.minutes else 0 end as unrated
			from case_time_entries e
			""" + ServiceCostRates.RATE_IN_FORCE + """

			where e.minutes is not null and e.entry_date between :firstDay and :lastDay
			union all
			select x.case_id, x.created_by, x.expense_date, 0, cast(0 as numeric), x.amount, 0
			from case_expenses x where x.expense_date between :firstDay and :lastDay
			""";

	private static final String SUMS = """
			coalesce(sum(i.minutes), 0) as minutes, coalesce(sum(i.minute_cost), 0) as minute_cost,
			coalesce(sum(i.expense), 0) as expenses, coalesce(sum(i.unrated), 0) as unrated,
			count(distinct i.case_id) as cases""";

	/**
	 * The sums per case of a group, then per group: counting cases as groups of the inner
	 * aggregate rather than {@code count(distinct)}, which sorts every item of the period
	 * (half of the executive service view's time on a year of 110,000 cases).
	 */
	private static final String PER_CASE_SUMS = """
			sum(i.minutes) as minutes, sum(i.minute_cost) as minute_cost, sum(i.expense) as expense,
			sum(i.unrated) as unrated""";

	private static final String GROUP_SUMS = """
			coalesce(sum(g.minutes), 0) as minutes, coalesce(sum(g.minute_cost), 0) as minute_cost,
			coalesce(sum(g.expense), 0) as expenses, coalesce(sum(g.unrated), 0) as unrated,
			count(*) as cases""";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final ServiceCostRates rates;

	private final UserDirectory users;

	private final Accounts accounts;

	private final Products products;

	private final AccountRevenue revenue;

	private final BusinessCalendars calendars;

	ServiceCosts(JdbcClient jdbc, Cases cases, ServiceCostRates rates, UserDirectory users, Accounts accounts,
			Products products, AccountRevenue revenue, BusinessCalendars calendars) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.rates = rates;
		this.users = users;
		this.accounts = accounts;
		this.products = products;
		this.revenue = revenue;
		this.calendars = calendars;
	}

	public enum Grouping {

		ACCOUNT("Account"), PRODUCT("Product"), MONTH("Month"), AGENT("Agent");

		private final String label;

		Grouping(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/**
		 * @return the grouping named (any case), account when blank
		 * @throws InvalidInputException naming the field, for anything else
		 */
		public static Grouping parse(String text, String field) {
			if (text == null || text.isBlank()) {
				return ACCOUNT;
			}
			for (Grouping grouping : values()) {
				if (grouping.name().equalsIgnoreCase(text.trim())) {
					return grouping;
				}
			}
			throw new InvalidInputException(field,
					"'" + text.trim() + "' is no grouping; use account, product, month or agent.");
		}

	}

	/**
	 * The period's totals, for the executive service view.
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 */
	public CostSummary summary(Viewer viewer, LocalDate from, LocalDate to) {
		Period period = period(viewer, from, to);
		CostFigures total = total(period);
		return new CostSummary(total.casesWithCost(), total.resolvedCases(), total.totalCost(), total.minutes(),
				total.costPerResolvedCase(), this.rates.currency());
	}

	/**
	 * Every month of the period (the first and last perhaps partly), the earliest first.
	 */
	public List<MonthCost> byMonth(Viewer viewer, LocalDate from, LocalDate to) {
		return trend(period(viewer, from, to));
	}

	/**
	 * The period's cost grouped, with the totals and the monthly trend.
	 */
	public CostReport report(Viewer viewer, LocalDate from, LocalDate to, Grouping by) {
		Period period = period(viewer, from, to);
		Map<String, CostFigures> groups = figures(period, key(by), resolvedKey(by));
		List<CostRow> rows = rows(period, by, groups);
		return new CostReport(from, to, by, this.rates.currency(), total(period), rows, trend(period));
	}

	/**
	 * What the case has cost so far: all its time and expenses.
	 * @throws dev.bellwether.platform.RecordNotFoundException when the viewer may not see
	 * the case
	 */
	public CaseCost ofCase(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		Map<String, Object> params = new HashMap<>();
		params.put("firstDay", EVER_FROM);
		params.put("lastDay", EVER_TO);
		params.put("caseId", caseId);
		CostFigures figures = this.jdbc.sql("select " + SUMS + " from (" + ITEMS + ") i where i.case_id = :caseId")
			.params(params)
			.query(ServiceCosts::figures)
			.single();
		return new CaseCost(figures, this.rates.currency());
	}

	/** The period, checked, with the viewer's visibility as SQL. */
	private record Period(LocalDate from, LocalDate to, Map<String, Object> params, String visible) {

	}

	private Period period(Viewer viewer, LocalDate from, LocalDate to) {
		if (!Cases.worksCases(viewer)) {
			throw new AccessDeniedException("The cost of service is for the people who work cases and their managers");
		}
		if (from == null || to == null) {
			throw new InvalidInputException(from == null ? "from" : "to", "Choose the period's first and last day.");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		if (from.plusYears(5).isBefore(to)) {
			throw new InvalidInputException("to", "Choose a period of five years or less.");
		}
		ZoneId zone = this.calendars.companyZone();
		Map<String, Object> params = new HashMap<>();
		params.put("firstDay", from);
		params.put("lastDay", to);
		params.put("from", OffsetDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		params.put("to", OffsetDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
		params.put("zone", zone.getId());
		ListConditions conditions = new ListConditions(params).inRecycleBin("c", false);
		this.cases.readFilter(viewer, conditions, params);
		return new Period(from, to, params, conditions.sql());
	}

	private static String key(Grouping by) {
		return switch (by) {
			case ACCOUNT -> "cast(c.account_id as text)";
			case PRODUCT -> "cast(c.product_id as text)";
			case AGENT -> "cast(i.person as text)";
			case MONTH -> "to_char(i.day, 'YYYY-MM')";
		};
	}

	private static String resolvedKey(Grouping by) {
		return switch (by) {
			case ACCOUNT -> "cast(c.account_id as text)";
			case PRODUCT -> "cast(c.product_id as text)";
			case AGENT -> "cast(c.owner_id as text)";
			case MONTH -> "to_char(c.resolved_at at time zone :zone, 'YYYY-MM')";
		};
	}

	private CostFigures total(Period period) {
		return figures(period, "'all'", "'all'").getOrDefault("all", CostFigures.NONE);
	}

	/**
	 * The figures by key (a text; "" for none): the cost items of the period and the
	 * cases resolved in it, of the cases the viewer may see.
	 */
	private Map<String, CostFigures> figures(Period period, String key, String resolvedKey) {
		Map<String, CostFigures> byKey = new LinkedHashMap<>();
		this.jdbc
			.sql("select g.key, " + GROUP_SUMS + " from (select " + key + " as key, i.case_id, " + PER_CASE_SUMS
					+ " from (" + ITEMS + ") i join cases c on c.id = i.case_id where " + period.visible()
					+ " group by 1, 2) g group by 1")
			.params(period.params())
			.query((rs, n) -> byKey.put(text(rs.getString("key")), figures(rs, n)))
			.list();
		this.jdbc
			.sql("select " + resolvedKey + " as key, count(*) as resolved from cases c"
					+ " where c.status in ('RESOLVED', 'CLOSED') and c.resolved_at >= :from and c.resolved_at < :to"
					+ " and " + period.visible() + " group by 1")
			.params(period.params())
			.query((rs, n) -> byKey.merge(text(rs.getString("key")),
					CostFigures.NONE.withResolved(rs.getLong("resolved")),
					(figures, resolved) -> figures.withResolved(resolved.resolvedCases())))
			.list();
		return byKey;
	}

	private List<MonthCost> trend(Period period) {
		Map<String, CostFigures> months = figures(period, key(Grouping.MONTH), resolvedKey(Grouping.MONTH));
		List<MonthCost> trend = new ArrayList<>();
		for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month
			.plusMonths(1)) {
			CostFigures figures = months.getOrDefault(month.toString(), CostFigures.NONE);
			trend.add(new MonthCost(month, figures.totalCost(), figures.resolvedCases()));
		}
		return trend;
	}

	private List<CostRow> rows(Period period, Grouping by, Map<String, CostFigures> groups) {
		List<CostRow> rows = new ArrayList<>();
		CostFigures none = groups.remove("");
		if (by == Grouping.MONTH) {
			for (YearMonth month = YearMonth.from(period.from()); !month
				.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
				rows.add(new CostRow(null, month, month.toString(),
						groups.getOrDefault(month.toString(), CostFigures.NONE), null));
			}
			return rows;
		}
		Map<UUID, CostFigures> byId = new LinkedHashMap<>();
		groups.forEach((key, figures) -> byId.put(UUID.fromString(key), figures));
		switch (by) {
			case ACCOUNT -> {
				Map<UUID, String> names = this.accounts.namesOf(byId.keySet());
				Map<UUID, BigDecimal> won = this.revenue.wonBetween(byId.keySet(), period.from(), period.to());
				byId.forEach((id, figures) -> rows.add(new CostRow(id, null, names.getOrDefault(id, "Deleted account"),
						figures, won.getOrDefault(id, BigDecimal.ZERO))));
			}
			case PRODUCT -> byId.forEach((id, figures) -> rows.add(new CostRow(id, null,
					this.products.find(id).map(Product::name).orElse("Former product"), figures, null)));
			case AGENT -> {
				Map<UUID, String> names = this.users.namesOf(byId.keySet());
				byId.forEach((id, figures) -> rows
					.add(new CostRow(id, null, names.getOrDefault(id, "Former user"), figures, null)));
			}
			case MONTH -> {
			}
		}
		rows.sort(Comparator.comparing((CostRow row) -> row.figures().totalCost())
			.reversed()
			.thenComparing(CostRow::name));
		if (none != null) {
			rows.add(new CostRow(null, null, switch (by) {
				case ACCOUNT -> "No account";
				case PRODUCT -> "No product";
				default -> "Unassigned";
			}, none, null));
		}
		return rows;
	}

	private static String text(String key) {
		return key == null ? "" : key;
	}

	private static CostFigures figures(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new CostFigures(rs.getLong("minutes"), rs.getBigDecimal("minute_cost"), rs.getBigDecimal("expenses"),
				rs.getLong("unrated"), rs.getLong("cases"), 0);
	}

}
