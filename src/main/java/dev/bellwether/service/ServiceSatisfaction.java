package dev.bellwether.service;

import java.time.Instant;
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
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer satisfaction from the surveys answered in a period (company time zone, the
 * last day included), by agent, team, product or account, with a monthly trend and the
 * customers' comments ({@link SatisfactionFigures} defines CSAT and NPS). A survey counts
 * for the agent, account and product of its case when the case was resolved. Only the
 * surveys of cases the viewer may see are counted, so the figures follow the cases'
 * visibility; people who do not work cases (reps, marketing) are refused.
 */
@Service
@Transactional(readOnly = true)
public class ServiceSatisfaction {

	static final int COMMENTS = 20;

	private final JdbcClient jdbc;

	private final Cases cases;

	private final UserDirectory users;

	private final Accounts accounts;

	private final Products products;

	private final BusinessCalendars calendars;

	ServiceSatisfaction(JdbcClient jdbc, Cases cases, UserDirectory users, Accounts accounts, Products products,
			BusinessCalendars calendars) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.users = users;
		this.accounts = accounts;
		this.products = products;
		this.calendars = calendars;
	}

	public enum Grouping {

		AGENT("Agent"), TEAM("Team"), PRODUCT("Product"), ACCOUNT("Account");

		private final String label;

		Grouping(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/**
		 * @return the grouping named (any case), agent when blank
		 * @throws InvalidInputException naming the field, for anything else
		 */
		public static Grouping parse(String text, String field) {
			if (text == null || text.isBlank()) {
				return AGENT;
			}
			for (Grouping grouping : values()) {
				if (grouping.name().equalsIgnoreCase(text.trim())) {
					return grouping;
				}
			}
			throw new InvalidInputException(field,
					"'" + text.trim() + "' is no grouping; use agent, team, product or account.");
		}

	}

	/**
	 * @param from the first day answered, inclusive
	 * @param to the last day answered, inclusive
	 */
	public SatisfactionReport report(Viewer viewer, LocalDate from, LocalDate to, Grouping by) {
		if (!Cases.worksCases(viewer)) {
			throw new AccessDeniedException("Satisfaction is for the people who work cases and their managers");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		if (from.plusYears(5).isBefore(to)) {
			throw new InvalidInputException("to", "Choose a period of five years or less.");
		}
		ZoneId zone = this.calendars.companyZone();
		Map<String, Object> params = new HashMap<>();
		params.put("from", utc(from.atStartOfDay(zone).toInstant()));
		params.put("to", utc(to.plusDays(1).atStartOfDay(zone).toInstant()));
		params.put("zone", zone.getId());
		String where = visibleIn(viewer, "s.answered_at", params);
		String sentWhere = visibleIn(viewer, "s.created_at", params);

		String key = switch (by) {
			case AGENT, TEAM -> "s.agent_id";
			case PRODUCT -> "s.product_id";
			case ACCOUNT -> "s.account_id";
		};
		Map<UUID, SatisfactionFigures> byKey = new LinkedHashMap<>();
		SatisfactionFigures[] noKey = { SatisfactionFigures.NONE };
		this.jdbc
			.sql("select " + key + " as key, " + COUNTS + " from case_surveys s join cases c on c.id = s.case_id"
					+ " where " + where + " group by " + key)
			.params(params)
			.query((rs, n) -> {
				UUID id = rs.getObject("key", UUID.class);
				SatisfactionFigures figures = figures(rs);
				if (id == null) {
					noKey[0] = noKey[0].plus(figures);
				}
				else {
					byKey.put(id, figures);
				}
				return null;
			})
			.list();
		List<SatisfactionRow> rows = rows(by, byKey, noKey[0]);
		SatisfactionFigures total = rows.stream()
			.map(SatisfactionRow::figures)
			.reduce(SatisfactionFigures.NONE, SatisfactionFigures::plus);

		Map<YearMonth, SatisfactionFigures> months = new LinkedHashMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			months.put(month, SatisfactionFigures.NONE);
		}
		this.jdbc
			.sql("select to_char(s.answered_at at time zone :zone, 'YYYY-MM') as month, " + COUNTS
					+ " from case_surveys s join cases c on c.id = s.case_id where " + where + " group by 1")
			.params(params)
			.query((rs, n) -> months.put(YearMonth.parse(rs.getString("month")), figures(rs)))
			.list();
		List<SatisfactionReport.Month> trend = months.entrySet()
			.stream()
			.map(month -> new SatisfactionReport.Month(month.getKey(), month.getValue()))
			.toList();

		List<SatisfactionReport.Comment> comments = this.jdbc
			.sql("select s.case_id, c.number, s.agent_id, s.csat, s.nps, s.comment, s.answered_at"
					+ " from case_surveys s join cases c on c.id = s.case_id where " + where
					+ " and s.comment is not null order by s.answered_at desc, s.id desc limit " + COMMENTS)
			.params(params)
			.query((rs, n) -> new SatisfactionReport.Comment(rs.getObject("case_id", UUID.class),
					"#" + rs.getLong("number"), rs.getObject("agent_id", UUID.class), null, rs.getInt("csat"),
					rs.getObject("nps", Integer.class), rs.getString("comment"),
					rs.getObject("answered_at", OffsetDateTime.class).toInstant()))
			.list();
		Map<UUID, String> agentNames = this.users
			.namesOf(comments.stream().map(SatisfactionReport.Comment::agentId).filter(id -> id != null).toList());
		comments = comments.stream()
			.map(comment -> comment.withAgentName(comment.agentId() == null ? null : agentNames.get(comment.agentId())))
			.toList();

		long[] sent = this.jdbc
			.sql("select count(*) as sent, count(s.answered_at) as answered"
					+ " from case_surveys s join cases c on c.id = s.case_id where " + sentWhere)
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("sent"), rs.getLong("answered") })
			.single();
		return new SatisfactionReport(from, to, by, total, rows, trend, comments, sent[0], sent[1]);
	}

	/**
	 * The surveys whose {@code column} falls in the period, of the cases the viewer may
	 * see (the cases' own read rule), as a condition on
	 * {@code case_surveys s join cases c}.
	 */
	private String visibleIn(Viewer viewer, String column, Map<String, Object> params) {
		ListConditions conditions = new ListConditions(params).add(column + " >= :from")
			.add(column + " < :to")
			.inRecycleBin("c", false);
		this.cases.readFilter(viewer, conditions, params);
		return conditions.sql();
	}

	private static final String COUNTS = """
			count(*) as answered, coalesce(sum(s.csat), 0) as csat_total,
			count(*) filter (where s.csat >= 4) as satisfied, count(*) filter (where s.csat = 3) as neutral,
			count(*) filter (where s.csat <= 2) as dissatisfied, count(s.nps) as nps_answers,
			count(*) filter (where s.nps >= 9) as promoters, count(*) filter (where s.nps between 7 and 8) as passives,
			count(*) filter (where s.nps <= 6) as detractors""";

	private static SatisfactionFigures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SatisfactionFigures(rs.getLong("answered"), rs.getLong("csat_total"), rs.getLong("satisfied"),
				rs.getLong("neutral"), rs.getLong("dissatisfied"), rs.getLong("nps_answers"), rs.getLong("promoters"),
				rs.getLong("passives"), rs.getLong("detractors"));
	}

	private List<SatisfactionRow> rows(Grouping by, Map<UUID, SatisfactionFigures> byKey, SatisfactionFigures noKey) {
		List<SatisfactionRow> rows = new ArrayList<>();
		switch (by) {
			case AGENT -> {
				Map<UUID, String> names = this.users.namesOf(byKey.keySet());
				byKey.forEach((id, figures) -> rows
					.add(new SatisfactionRow(id, names.getOrDefault(id, "Former user"), figures)));
			}
			case TEAM -> {
				Map<String, SatisfactionFigures> teams = new HashMap<>();
				byKey.forEach((id, figures) -> {
					String team = this.users.find(id)
						.map(User::team)
						.filter(t -> t != null && !t.isBlank())
						.orElse(null);
					teams.merge(team == null ? "" : team, figures, SatisfactionFigures::plus);
				});
				teams.forEach((team, figures) -> rows
					.add(new SatisfactionRow(null, team.isEmpty() ? "No team" : team, figures)));
			}
			case PRODUCT -> byKey.forEach((id, figures) -> rows.add(new SatisfactionRow(id,
					this.products.find(id).map(Product::name).orElse("Former product"), figures)));
			case ACCOUNT -> {
				Map<UUID, String> names = this.accounts.namesOf(byKey.keySet());
				byKey.forEach((id, figures) -> rows
					.add(new SatisfactionRow(id, names.getOrDefault(id, "Deleted account"), figures)));
			}
		}
		rows.sort(Comparator.comparing((SatisfactionRow row) -> row.figures().answered())
			.reversed()
			.thenComparing(SatisfactionRow::name));
		if (noKey.answered() > 0) {
			rows.add(new SatisfactionRow(null, switch (by) {
				case AGENT, TEAM -> "Unassigned";
				case PRODUCT -> "No product";
				case ACCOUNT -> "No account";
			}, noKey));
		}
		return rows;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
