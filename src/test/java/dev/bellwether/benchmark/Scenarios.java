package dev.bellwether.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.benchmark.BenchmarkReport.Target;
import dev.bellwether.benchmark.Personas.Persona;
import dev.bellwether.platform.Keyset;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.SortKey;
import dev.bellwether.platform.TextSearch;
import dev.bellwether.platform.listview.StandardView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of what is measured: each scenario's HTTP call, its target, and as its
 * baseline the SQL the endpoint runs for it, copied from the services (the viewer's
 * organisation resolved first and passed as a list of owners, as {@code RecordVisibility}
 * does; totals counted up to {@link PagedQuery#COUNT_CAP} past the page; search with
 * {@link TextSearch}'s predicates and ranking). To measure another endpoint, add a row.
 */
final class Scenarios {

	/** The manager chain below a user, as {@code OrgChart.organisationOf} reads it. */
	private static final String SUBTREE = "with recursive subtree(id) as (select cast(? as uuid) union "
			+ "select u.id from users u join subtree s on u.manager_id = s.id) select id from subtree";

	/** {@code OpportunityFreshness.untouched("o", "s")} with the default of 30 days. */
	private static final String UNTOUCHED = "(o.last_touched_at < cast(:freshnessNow as timestamptz)"
			+ " - make_interval(days => coalesce(s.stale_after_days, :freshnessDays)))";

	/** {@code OpportunityFreshness.pastCloseDate("o")}. */
	private static final String PAST_CLOSE_DATE = "(o.close_date < cast(:freshnessToday as date))";

	/** {@code OpportunityFreshness.stale("o", "s")}. */
	private static final String STALE = "(o.closed_at is null and " + UNTOUCHED + ")";

	/** {@code OpportunityFreshness.overdue("o")}. */
	private static final String OVERDUE = "(o.closed_at is null and " + PAST_CLOSE_DATE + ")";

	/** {@code Opportunities.select()} and {@code FROM}. */
	private static final String DEAL_SELECT = "select o.*, s.name as stage_name, s.outcome as stage_outcome, " + STALE
			+ " as stale, " + OVERDUE + " as overdue";

	private static final String DEAL_FROM = " from opportunities o join pipeline_stages s on s.id = o.stage_id";

	/** {@code Accounts.SELECT}. */
	private static final String ACCOUNT_SELECT = "select a.*, p.name as parent_name from accounts a "
			+ "left join accounts p on p.id = a.parent_id";

	/** {@code Contacts.SELECT}. */
	private static final String CONTACT_SELECT = "select c.*, a.name as account_name from contacts c "
			+ "left join accounts a on a.id = c.account_id";

	private static final String ACCOUNT_DOCUMENT = "to_tsvector('simple', coalesce(a.name, '') || ' ' || coalesce(a.domain, '') "
			+ "|| ' ' || translate(coalesce(a.domain, ''), '.-_@/:+', '       '))";

	private static final String CONTACT_DOCUMENT = "to_tsvector('simple', coalesce(c.first_name, '') || ' ' || c.last_name "
			+ "|| ' ' || coalesce(c.email, '') || ' ' || translate(coalesce(c.email, ''), '.-_@/:+', '       '))";

	private static final String CONTACT_NAME = "lower(coalesce(c.first_name, '') || ' ' || c.last_name)";

	private static final String DEAL_DOCUMENT = "to_tsvector('simple', o.name || ' ' || translate(o.name, '.-_@/:+', '       '))";

	/** The view the deal list scenarios open: a standard view, with a fixed id. */
	static final String OPEN_DEALS_VIEW = "all-open-deals";

	/** The row the deep list pages start after: the 10,000th. */
	static final int DEEP_ROW = 10_000;

	/** The most deals one bulk change takes (and the size of the measured one). */
	static final int BULK_DEALS = 10_000;

	/**
	 * Where the deep pages started, for the report: "user: after row n of m open deals".
	 */
	static final Map<String, String> DEEP_PAGES = new ConcurrentHashMap<>();

	private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

	private static final Pattern PROCESSED = Pattern.compile("\"processed\"\\s*:\\s*(\\d+)");

	private static final Pattern REFUSED = Pattern.compile("\"refused\"\\s*:\\s*(\\d+)");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	/**
	 * One row of the table.
	 *
	 * @param target what it must reach (see {@link Target})
	 * @param sql the baseline, or null for none
	 * @param once measured as one call, end to end, after one unmeasured call (a bulk
	 * change)
	 */
	record Scenario(String name, Target target, LoadDriver.Call http, LoadDriver.Call sql, boolean once) {

		Scenario(String name, Target target, LoadDriver.Call http, LoadDriver.Call sql) {
			this(name, target, http, sql, false);
		}

		/**
		 * A page with an absolute p95 target (NaN: a baseline), as the adoption
		 * benchmark's.
		 */
		Scenario(String name, double targetP95Millis, LoadDriver.Call http, LoadDriver.Call sql) {
			this(name, Target.below(targetP95Millis), http, sql, false);
		}

		double targetP95Millis() {
			return this.target.p95Millis();
		}

	}

	private Scenarios() {
	}

	/**
	 * @param clock the application's clock: what "today" and "now" are for the baselines
	 * and the changes made
	 */
	static List<Scenario> all(BenchmarkHttp http, BenchmarkHttp.Session managerPage, JdbcTemplate jdbc,
			Personas personas, Clock clock) throws IOException, InterruptedException {
		Sql sql = new Sql(jdbc);
		List<Scenario> scenarios = new ArrayList<>();
		scenarios.add(new Scenario("trivial endpoint GET /api/v1/users/me", Target.baseline(),
				i -> http.api("/api/v1/users/me", pick(personas.reps, i).token()),
				i -> jdbc.queryForList("select id, username, full_name, role from users where id = ?",
						pick(personas.reps, i).id())));
		scenarios.add(new Scenario("trivial endpoint GET /api/v1/users/me with HTTP Basic", Target.baseline(),
				i -> http.apiBasic("/api/v1/users/me", pick(personas.reps, i).username(), BenchmarkData.PASSWORD),
				i -> jdbc.queryForList("select id, username, full_name, role from users where id = ?",
						pick(personas.reps, i).id())));
		scenarios.add(new Scenario("list accounts (rep, page 0)", Target.ratio(1.5),
				i -> http.api("/api/v1/accounts?sort=name,asc&page=0&size=50", pick(personas.reps, i).token()), i -> {
					// Accounts.list through PagedQuery: accounts are readable by every
					// user
					String where = "a.deleted_at is null and true";
					Map<String, Object> params = new HashMap<>();
					params.put("countLimit", Personas.PAGE_SIZE + PagedQuery.COUNT_CAP);
					params.put("pageLimit", Personas.PAGE_SIZE);
					params.put("pageOffset", 0);
					sql.count("select count(*) from (select 1 from accounts a where " + where
							+ " limit :countLimit) counted", params);
					// PagedQuery.fetch by keyset: the sort keys read beside the row, one
					// row more than the page (where the next page starts)
					List<SortKey> keys = List.of(new SortKey("lower(a.name)", true, true),
							new SortKey("a.id", true, true));
					params.put("pageLimit", Personas.PAGE_SIZE + 1);
					sql.list(PagedQuery.keyColumns(ACCOUNT_SELECT, keys) + " where " + where + " order by "
							+ SortKey.orderBy(keys) + " limit :pageLimit offset :pageOffset", params);
				}));
		// set-up queries (where a deep page starts, what is defined) run as they are,
		// also
		// when the baselines are explained (QueryPlans.Explaining)
		Sql setUp = new Sql(new JdbcTemplate(jdbc.getDataSource()));
		OpenDeals openDeals = new OpenDeals(http, sql, setUp, "All open deals view", "open=true&sort=closeDate,asc",
				List.of(new SortKey("o.close_date", true, true), new SortKey("o.id", true, true)), "true", Map.of(),
				clock);
		openDeals.checkView(personas);
		openDeals.add(scenarios, "rep", personas.reps, false);
		openDeals.add(scenarios, "manager", personas.managers, false);
		openDeals.add(scenarios, "executive", personas.executives, false);
		openDeals.add(scenarios, "executive", personas.executives, true);
		if (BenchmarkCustomFields.defined(setUp.jdbc())) {
			// the view narrowed by a custom pick list and sorted by a custom number
			// (indexed): what Opportunities.list adds for cf.region and sort=cf.seats
			OpenDeals custom = new OpenDeals(http, sql, setUp, "All open deals view, Region = EMEA, by Seats",
					"open=true&cf.region=EMEA&sort=cf.seats,asc",
					List.of(new SortKey("((o.custom ->> 'seats')::numeric)", true, false),
							new SortKey("o.close_date", true, true), new SortKey("o.id", true, true)),
					"o.custom @> cast(:cf0 as jsonb)", Map.of("cf0", "{\"region\":\"EMEA\"}"), clock);
			custom.add(scenarios, "manager", personas.managers, false);
			custom.add(scenarios, "executive", personas.executives, false);
			custom.add(scenarios, "executive", personas.executives, true);
		}
		scenarios.add(new Scenario("get opportunity + timeline (rep)", Target.ratio(1.5), i -> {
			Persona rep = pick(personas.reps, i);
			UUID deal = pick(rep.deals(), i / personas.reps.size());
			http.api("/api/v1/opportunities/" + deal, rep.token());
			http.api("/api/v1/opportunities/" + deal + "/timeline", rep.token());
		}, i -> {
			Persona rep = pick(personas.reps, i);
			UUID deal = pick(rep.deals(), i / personas.reps.size());
			Map<String, Object> params = freshness(clock);
			params.put("id", deal);
			// GET /{id}: Opportunities.load (the owner may read it without a query),
			// then the account's and owner's names
			List<Map<String, Object>> found = sql.list(DEAL_SELECT + DEAL_FROM + " where o.id = :id", params);
			sql.names("accounts", "name", ids(found, "account_id"));
			sql.names("users", "full_name", ids(found, "owner_id"));
			// GET /{id}/timeline: the read check, then each timeline source's newest 21,
			// then the actors' names
			params.put("limit", 21);
			params.put("recordType", "opportunity");
			sql.list("select owner_id from opportunities where id = :id and deleted_at is null", params);
			List<Map<String, Object>> entries = new ArrayList<>();
			entries.addAll(sql.list("""
					select x.id, x.kind, x.subject, x.status, x.due_date, x.owner_id, x.completed_by, x.occurred_at,
					       x.starts_at, x.ends_at
					from activities x where x.opportunity_id = :id and x.deleted_at is null
					order by x.occurred_at desc, x.id desc limit :limit""", params));
			entries.addAll(sql.list(
					"""
							select h.*, fs.name as from_stage_name, ts.name as to_stage_name from opportunity_history h
							left join pipeline_stages fs on fs.id = h.from_stage_id join pipeline_stages ts on ts.id = h.to_stage_id
							where h.opportunity_id = :id order by h.changed_at desc, h.id desc limit :limit""",
					params));
			sql.list(
					"select h.changed_at, h.changed_by, h.change_kind, (array_agg(h.id order by h.id))[1] as entry_id, "
							+ "array_agg(h.id order by h.id) as ids, array_agg(h.field order by h.id) as fields, "
							+ "array_agg(h.old_value order by h.id) as old_values, "
							+ "array_agg(h.new_value order by h.id) as new_values "
							+ "from field_history h where h.record_type = :recordType and h.record_id = :id"
							+ " and not (h.record_type = 'opportunity' and (h.change_kind = 'CREATED'"
							+ " or h.field in ('stage', 'amount', 'closeDate', 'probability', 'forecastCategory')))"
							+ " group by h.changed_at, h.changed_by, h.change_kind order by h.changed_at desc, entry_id desc"
							+ " limit :limit",
					params);
			Set<UUID> actors = new LinkedHashSet<>(ids(entries, "owner_id"));
			actors.addAll(ids(entries, "changed_by"));
			sql.names("users", "full_name", actors);
		}));
		JdbcClient client = JdbcClient.create(jdbc);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(jdbc.getDataSource()));
		transaction.setReadOnly(true);
		scenarios.add(new Scenario("global search (typos included)", Target.ratio(2.5), i -> {
			Persona who = pick(i % 2 == 0 ? personas.reps : personas.managers, i / 2);
			http.api("/api/v1/search?q=" + BenchmarkHttp.encode(pick(personas.searches, i)), who.token());
		}, i -> {
			Persona who = pick(i % 2 == 0 ? personas.reps : personas.managers, i / 2);
			// GlobalSearch: in a transaction, the words and their corrections once, then
			// each type's candidates ranked
			transaction.executeWithoutResult(status -> {
				TextSearch search = TextSearch.prepare(client, pick(personas.searches, i));
				Map<String, Object> params = new HashMap<>(search.parameters());
				params.put("limit", 10);
				String accountOrder = search.rank("lower(a.name)", "lower(a.domain)") + " desc, lower(a.name), a.id";
				List<Map<String, Object>> accounts = sql.list(ACCOUNT_SELECT + " where "
						+ search.best("a", "accounts", "a.deleted_at is null and true", ACCOUNT_DOCUMENT, accountOrder)
						+ " order by " + accountOrder, params);
				// each type: when its names find fewer than it shows, those found by
				// their text-like custom values, in a query of their own
				sql.byCustomValues(ACCOUNT_SELECT + " where a.deleted_at is null and true", "a", search, accounts,
						"lower(a.name), a.id", params);
				String contactOrder = search.rank(CONTACT_NAME, "lower(c.email)") + " desc, lower(c.last_name), c.id";
				List<Map<String, Object>> contacts = sql.list(CONTACT_SELECT + " where "
						+ search.best("c", "contacts", "c.deleted_at is null and true", CONTACT_DOCUMENT, contactOrder)
						+ " order by " + contactOrder, params);
				sql.byCustomValues(CONTACT_SELECT + " where c.deleted_at is null and true", "c", search, contacts,
						"lower(c.last_name), lower(c.first_name), c.id", params);
				params.putAll(freshness(clock));
				params.put("visibilityOwners", organisationOf(jdbc, who.id()));
				String dealOrder = search.rank("lower(o.name)") + " desc, o.close_date desc, o.id";
				List<Map<String, Object>> deals = sql.list(DEAL_SELECT + DEAL_FROM + " where "
						+ search.best("o", "opportunities",
								"o.deleted_at is null and o.owner_id in (:visibilityOwners) and "
										+ search.matchesNames(DEAL_DOCUMENT),
								dealOrder)
						+ " order by " + dealOrder, params);
				deals = new ArrayList<>(deals);
				deals.addAll(sql.byCustomValues(
						DEAL_SELECT + DEAL_FROM + " where o.deleted_at is null and o.owner_id in (:visibilityOwners)",
						"o", search, deals, "o.close_date desc, o.id", params));
				sql.names("accounts", "name", ids(deals, "account_id"));
			});
		}));
		scenarios.add(new Scenario("team pipeline board (manager)", Target.ratio(3), i -> {
			Persona manager = pick(personas.managers, i);
			http.api("/api/v1/pipeline/board?team=" + manager.id(), manager.token());
		}, i -> {
			Persona manager = pick(personas.managers, i);
			// PipelineBoard.load: the team (inside the viewer's organisation) as one list
			// of owners; counts, totals and each column's first cards in one pass
			Map<String, Object> params = freshness(clock);
			organisationOf(jdbc, manager.id());
			params.put("visibilityOwners", organisationOf(jdbc, manager.id()));
			params.put("boardClosedSince",
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(Duration.ofDays(90)));
			params.put("perColumn", 25);
			String where = "o.deleted_at is null and not s.retired and o.owner_id in (:visibilityOwners)"
					+ " and (o.closed_at is null or o.closed_at >= :boardClosedSince)";
			List<Map<String, Object>> cards = sql.list("select o.id, o.name, o.account_id, o.owner_id, o.amount,"
					+ " o.close_date, o.probability, o.forecast_category, o.stage_id, o.version, " + STALE
					+ " as stale, " + OVERDUE + " as overdue, c.deals, c.total, c.weighted from (select * from"
					+ " (select o.id, row_number() over (partition by o.stage_id order by o.close_date, o.id) as place,"
					+ " count(*) over column_deals as deals, coalesce(sum(o.amount) over column_deals, 0) as total,"
					+ " coalesce(sum(o.amount * o.probability / 100.0) over column_deals, 0) as weighted"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + where
					+ " window column_deals as (partition by o.stage_id)) ranked where place <= :perColumn) c"
					+ " join opportunities o on o.id = c.id join pipeline_stages s on s.id = o.stage_id"
					+ " order by o.close_date, o.id", params);
			sql.names("accounts", "name", ids(cards, "account_id"));
			sql.names("users", "full_name", ids(cards, "owner_id"));
		}));
		scenarios.add(new Scenario("manager home page GET / (HTML)", Target.ratio(3), i -> managerPage.get("/"), i -> {
			Persona manager = personas.managers.get(0);
			// HomeController's team view, its team the manager's organisation: the
			// organisation read once a request (OrgChart), the managers in it (the team
			// picker, and the team's name)
			List<UUID> organisation = organisationOf(jdbc, manager.id());
			sql.list("select u.*, m.full_name as manager_name from users u left join users m on m.id = u.manager_id"
					+ " where u.id in (:ids) and u.active and exists (select 1 from users r where r.manager_id = u.id"
					+ " and r.active) order by lower(u.full_name)", Map.of("ids", organisation));
			// PipelineAnalytics.openDeals: the team's open deals added up in one
			// pass, by stage and category and by owner (stale and overdue too),
			// the team inside the viewer's organisation as one list of owners
			String scope = "o.deleted_at is null and o.owner_id in (:visibilityOwners)";
			Map<String, Object> params = freshness(clock);
			params.put("visibilityOwners", organisation);
			jdbc.queryForList("select * from pipeline_stages order by position, lower(name)");
			List<Map<String, Object>> open = sql.list("select grouping(o.owner_id) as by_stage, o.stage_id,"
					+ " o.forecast_category, o.owner_id, count(*) as deals, coalesce(sum(o.amount), 0) as amount,"
					+ " count(*) filter (where " + UNTOUCHED + ") as stale, count(*) filter (where " + PAST_CLOSE_DATE
					+ ") as overdue, max(o.last_touched_at) as last_touched"
					+ " from opportunities o join pipeline_stages s on s.id = o.stage_id where " + scope
					+ " and o.closed_at is null group by grouping sets ((o.stage_id, o.forecast_category), (o.owner_id))",
					params);
			// PipelineAnalytics.won: this quarter and last in one pass
			LocalDate quarter = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(IsoFields.DAY_OF_QUARTER, 1);
			StringBuilder won = new StringBuilder();
			List<LocalDate> starts = List.of(quarter, quarter.minusMonths(3));
			for (int q = 0; q < starts.size(); q++) {
				String inPeriod = "o.close_date between :wonFrom" + q + " and :wonTo" + q;
				won.append(q == 0 ? "" : ", ")
					.append("count(*) filter (where " + inPeriod + ") as deals" + q)
					.append(", coalesce(sum(o.amount) filter (where " + inPeriod + "), 0) as amount" + q);
				params.put("wonFrom" + q, starts.get(q));
				params.put("wonTo" + q, starts.get(q).plusMonths(3).minusDays(1));
			}
			params.put("wonFrom", quarter.minusMonths(3));
			params.put("wonTo", quarter.plusMonths(3).minusDays(1));
			sql.list("select " + won + " from opportunities o join pipeline_stages s on s.id = o.stage_id where "
					+ scope + " and s.outcome = 'WON' and o.close_date between :wonFrom and :wonTo", params);
			jdbc.queryForList("select * from pipeline_stages order by position, lower(name)");
			// Opportunities.listContent: stale, then overdue deals of the team, by
			// amount, 10 (their numbers come from openDeals)
			Set<UUID> people = new LinkedHashSet<>();
			Set<UUID> accounts = new LinkedHashSet<>();
			for (String which : List.of(STALE, OVERDUE)) {
				params.put("pageLimit", 10);
				params.put("pageOffset", 0);
				String where = "o.deleted_at is null and o.owner_id in (:visibilityOwners)"
						+ " and o.closed_at is null and " + which;
				String order = "o.amount desc nulls last, o.close_date, o.id";
				List<Map<String, Object>> page = sql.list(
						DEAL_SELECT + DEAL_FROM + " where o.id in (select o.id" + DEAL_FROM + " where " + where
								+ " order by " + order + " limit :pageLimit offset :pageOffset) order by " + order,
						params);
				people.addAll(ids(page, "owner_id"));
				accounts.addAll(ids(page, "account_id"));
			}
			people.addAll(ids(open, "owner_id"));
			sql.names("users", "full_name", people);
			sql.names("accounts", "name", accounts);
		}));
		// writes last: they change the deals the reads above look at
		scenarios.add(inlineEdit(http, jdbc, personas));
		scenarios.add(bulkCloseDates(http, jdbc, personas, clock));
		return scenarios;
	}

	/**
	 * Inline edit: {@code PATCH /api/v1/opportunities/{id}/fields/nextStep} by reps on
	 * their own open deals (the field history written after it), each call with the
	 * version the last answer gave; one deal a call, so deals/s is calls/s. The deals are
	 * taken in turn across the reps, so no two clients edit the same deal at once.
	 */
	private static Scenario inlineEdit(BenchmarkHttp http, JdbcTemplate jdbc, Personas personas) {
		record Edit(Persona rep, UUID deal) {
		}
		List<List<Edit>> byRep = new ArrayList<>();
		Map<UUID, Long> versions = new ConcurrentHashMap<>();
		for (Persona rep : personas.reps) {
			List<Edit> edits = new ArrayList<>();
			for (var row : jdbc.queryForList("select id, version from opportunities where owner_id = ? and "
					+ "closed_at is null and deleted_at is null order by id limit 200", rep.id())) {
				edits.add(new Edit(rep, (UUID) row.get("id")));
				versions.put((UUID) row.get("id"), ((Number) row.get("version")).longValue());
			}
			byRep.add(edits);
		}
		List<Edit> edits = new ArrayList<>();
		while (byRep.stream().anyMatch(list -> !list.isEmpty())) {
			for (List<Edit> list : byRep) {
				if (!list.isEmpty()) {
					edits.add(list.remove(0));
				}
			}
		}
		return new Scenario("inline edit of a deal's next step (reps, 8 clients)", Target.throughput(2_000, 1), i -> {
			Edit edit = pick(edits, i);
			String answer = http.call("PATCH", "/api/v1/opportunities/" + edit.deal() + "/fields/nextStep",
					edit.rep().token(),
					"{\"value\":\"Benchmark step " + i + "\",\"version\":" + versions.get(edit.deal()) + "}", 200);
			versions.put(edit.deal(), Long.parseLong(match(VERSION, answer, "version")));
		}, null);
	}

	/**
	 * A bulk change of the close date of up to {@value #BULK_DEALS} open deals (stage
	 * history written for each), as the executive who may change the most: started with
	 * {@code POST /api/v1/bulk/opportunities} and timed until {@code GET
	 * /api/v1/bulk/{id}} says it is done, its background run included.
	 */
	private static Scenario bulkCloseDates(BenchmarkHttp http, JdbcTemplate jdbc, Personas personas, Clock clock) {
		Persona executive = personas.executives.get(0);
		List<UUID> deals = List.of();
		for (Persona candidate : personas.executives) {
			List<UUID> organisation = organisationOf(jdbc, candidate.id());
			List<UUID> open = new Sql(jdbc)
				.list("select id from opportunities where owner_id in (:owners) and closed_at is null"
						+ " and deleted_at is null order by id limit :limit",
						Map.of("owners", organisation, "limit", BULK_DEALS))
				.stream()
				.map(row -> (UUID) row.get("id"))
				.toList();
			if (open.size() > deals.size()) {
				deals = open;
				executive = candidate;
			}
		}
		Persona who = executive;
		List<UUID> selected = deals;
		StringBuilder ids = new StringBuilder();
		selected.forEach(id -> ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"'));
		AtomicInteger changes = new AtomicInteger();
		return new Scenario(
				String.format(Locale.ROOT, "bulk close-date change of %,d deals (end to end)", selected.size()),
				Target.throughput(2_000, selected.size()), i -> {
					LocalDate moved = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
						.plusMonths(4)
						.plusDays(changes.incrementAndGet());
					String started = http.call("POST", "/api/v1/bulk/opportunities", who.token(),
							"{\"action\":\"CHANGE\",\"field\":\"closeDate\",\"value\":\"" + moved + "\",\"ids\":[" + ids
									+ "]}",
							201);
					String operation = match(ID, started, "id");
					String state = started;
					String status = match(STATUS, state, "status");
					while (status.equals("QUEUED") || status.equals("RUNNING")) {
						Thread.sleep(20);
						state = http.api("/api/v1/bulk/" + operation, who.token());
						status = match(STATUS, state, "status");
					}
					// every deal done and none refused (one whose close date was that
					// already is done without a change)
					int processed = Integer.parseInt(match(PROCESSED, state, "processed"));
					int refused = Integer.parseInt(match(REFUSED, state, "refused"));
					if (!status.equals("DONE") || processed != selected.size() || refused > 0) {
						throw new IllegalStateException("The bulk change ended " + status + " with " + processed
								+ " of " + selected.size() + " deals done, " + refused + " refused: " + state);
					}
				}, null, true);
	}

	private static String match(Pattern pattern, String text, String what) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + what + " in " + text);
		}
		return matcher.group(1);
	}

	/**
	 * The deal list opened on the standard view "All open deals" ({@link StandardView},
	 * its filter and sort as the API's parameters: {@code open=true&sort=closeDate,asc}),
	 * its first page and, for executives (the only ones who see that many open deals),
	 * the page after the {@value #DEEP_ROW}th row by cursor (after the last full page
	 * before it on smaller data, as in the smoke test: see {@link #DEEP_PAGES}). The
	 * cursor is taken once per person, from the page before by number, as a client paging
	 * through the list would have it; the baseline SQL is {@code Opportunities.list}'s
	 * keyset page with the same cursor condition.
	 */
	private static final class OpenDeals {

		private final BenchmarkHttp http;

		private final Sql sql;

		private final Sql setUp;

		private final String label;

		/** The list's request, without cursor or page. */
		private final String list;

		/**
		 * {@code PageRequests.sortKeys} for the request's sort, tie-breakers included.
		 */
		private final List<SortKey> keys;

		/** {@code CustomFields.where} for the request's {@code cf.} criteria. */
		private final String custom;

		private final Map<String, Object> customParams;

		private final Clock clock;

		private final Map<UUID, Deep> deep = new ConcurrentHashMap<>();

		/** Where a person's deep page starts: its cursor and the row before it. */
		private record Deep(String cursor, Keyset after) {
		}

		OpenDeals(BenchmarkHttp http, Sql sql, Sql setUp, String label, String query, List<SortKey> keys, String custom,
				Map<String, Object> customParams, Clock clock) {
			this.http = http;
			this.clock = clock;
			this.sql = sql;
			this.setUp = setUp;
			this.label = label;
			this.list = "/api/v1/opportunities?" + query + "&size=" + Personas.PAGE_SIZE;
			this.keys = keys;
			this.custom = custom;
			this.customParams = customParams;
		}

		/** The view exists, with its fixed id, and is the open deals by close date. */
		void checkView(Personas personas) throws IOException, InterruptedException {
			UUID view = new StandardView(OPEN_DEALS_VIEW, "", null).id("opportunity");
			String answer = this.http.api("/api/v1/list-views/" + view, personas.reps.get(0).token());
			if (!answer.contains("closeDate")) {
				throw new IllegalStateException(
						"The view " + OPEN_DEALS_VIEW + " is not sorted by close date: " + answer);
			}
		}

		void add(List<Scenario> scenarios, String role, List<Persona> personas, boolean deep) {
			String name = "list: " + this.label + " (" + role + ", "
					+ (deep ? "after row " + String.format(Locale.ROOT, "%,d", DEEP_ROW) + " by cursor" : "first page")
					+ ")";
			scenarios.add(new Scenario(name, Target.ratio(1.5), i -> {
				Persona who = pick(personas, i);
				this.http.api(deep ? this.list + "&cursor=" + deep(who).cursor() : this.list, who.token());
			}, i -> {
				Persona who = pick(personas, i);
				baseline(role, who, deep ? deep(who).after() : null);
			}));
		}

		/** {@code Opportunities.list} → {@code keysetPage}, as its SQL runs. */
		private void baseline(String role, Persona who, Keyset after) {
			Map<String, Object> params = new HashMap<>();
			String where = where(this.sql, role, who, params);
			Map<String, Object> pageParams = new HashMap<>(params);
			// a nullable first key (sort=cf.seats): the rows with a value, then those
			// without, each an index range, as Opportunities.keysetPage reads them
			List<Keyset.Section> sections = Keyset.sections(this.keys, after, pageParams);
			String pageWhere = where;
			long countLimit = Personas.PAGE_SIZE
					+ ((after != null) ? PagedQuery.CURSOR_COUNT_CAP : PagedQuery.COUNT_CAP);
			if (after != null && sections.isEmpty()) {
				pageWhere = where + " and " + after.condition(this.keys, pageParams);
			}
			pageParams.put("countLimit", countLimit);
			if (after == null || sections.isEmpty()) {
				this.sql.count(
						"select count(*) from (select 1" + DEAL_FROM + " where " + pageWhere + " limit :countLimit) c",
						pageParams);
			}
			else {
				List<String> branches = sections.stream()
					.map(section -> "(select 1" + DEAL_FROM + " where " + where + " and " + section.condition()
							+ " limit :countLimit)")
					.toList();
				this.sql.count("select count(*) from (select 1 from (" + String.join(" union all ", branches)
						+ ") sections limit :countLimit) c", pageParams);
			}
			String order = SortKey.orderBy(this.keys);
			pageParams.putAll(freshness(this.clock));
			pageParams.put("pageLimit", Personas.PAGE_SIZE + 1);
			pageParams.put("pageOffset", 0);
			String ids = sections.isEmpty()
					? "select o.id" + DEAL_FROM + " where " + pageWhere + " order by " + order
							+ " limit :pageLimit offset :pageOffset"
					: Keyset.union("select o.id" + DEAL_FROM, where, sections);
			List<Map<String, Object>> page = this.sql.list(PagedQuery.keyColumns(DEAL_SELECT + DEAL_FROM, this.keys)
					+ " where o.id in (" + ids + ") order by " + order, pageParams);
			this.sql.names("accounts", "name", ids(page, "account_id"));
			this.sql.names("users", "full_name", ids(page, "owner_id"));
		}

		/**
		 * {@code Opportunities.where} for {@code open=true}: executives read every deal;
		 * others their organisation's.
		 */
		private String where(Sql sql, String role, Persona who, Map<String, Object> params) {
			String visible = "true";
			if (!"executive".equals(role)) {
				visible = "o.owner_id in (:visibilityOwners)";
				params.put("visibilityOwners", organisationOf(sql.jdbc, who.id()));
			}
			params.putAll(this.customParams);
			return "o.deleted_at is null and " + visible + " and o.closed_at is null and " + this.custom;
		}

		private Deep deep(Persona who) {
			return this.deep.computeIfAbsent(who.id(), id -> {
				String role = this.setUp.jdbc.queryForObject("select role from users where id = ?", String.class, id);
				Map<String, Object> params = new HashMap<>();
				String where = where(this.setUp, "EXECUTIVE".equals(role) ? "executive" : "other", who, params);
				long visible = this.setUp.count("select count(*)" + DEAL_FROM + " where " + where, params);
				long rows = Math.min(DEEP_ROW, (visible / Personas.PAGE_SIZE - 1) * Personas.PAGE_SIZE);
				if (rows < Personas.PAGE_SIZE) {
					throw new IllegalStateException(who.username() + " sees too few open deals for a deep page");
				}
				try {
					int pageBefore = (int) (rows / Personas.PAGE_SIZE) - 1;
					String answer = this.http.api(this.list + "&page=" + pageBefore, who.token());
					String cursor = match(NEXT_CURSOR, answer, "nextCursor");
					params.put("row", rows - 1);
					Map<String, Object> last = this.setUp
						.list(PagedQuery.keyColumns("select 1" + DEAL_FROM, this.keys) + " where " + where
								+ " order by " + SortKey.orderBy(this.keys) + " limit 1 offset :row", params)
						.get(0);
					List<Object> values = new ArrayList<>();
					for (int k = 0; k < this.keys.size(); k++) {
						values.add(last.get("keyset_" + k));
					}
					DEEP_PAGES.put(this.label + " as " + who.username(),
							String.format(Locale.ROOT, "after row %,d of %,d", rows, visible));
					return new Deep(cursor, new Keyset(values, rows));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			});
		}

	}

	/** {@code OrgChart.organisationOf}: the user and everyone below them. */
	private static List<UUID> organisationOf(JdbcTemplate jdbc, UUID userId) {
		return jdbc.queryForList(SUBTREE, UUID.class, userId);
	}

	/** {@code OpportunityFreshness}'s parameters, in UTC with the default 30 days. */
	private static Map<String, Object> freshness(Clock clock) {
		Map<String, Object> params = new HashMap<>();
		params.put("freshnessNow", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
		params.put("freshnessDays", 30);
		params.put("freshnessToday", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		return params;
	}

	private static Set<UUID> ids(List<Map<String, Object>> rows, String column) {
		Set<UUID> ids = new LinkedHashSet<>();
		rows.forEach(row -> {
			if (row.get(column) instanceof UUID id) {
				ids.add(id);
			}
		});
		return ids;
	}

	static <T> T pick(List<T> values, int i) {
		return values.get(Math.floorMod(i, values.size()));
	}

	/**
	 * The services' named-parameter SQL run through the plain template (so that
	 * {@link QueryPlans.Explaining} sees every statement), lists expanded to one
	 * placeholder per element as {@code JdbcClient} expands them.
	 */
	private record Sql(JdbcTemplate jdbc) {

		List<Map<String, Object>> list(String sql, Map<String, Object> params) {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
			MapSqlParameterSource source = new MapSqlParameterSource(params);
			return this.jdbc.queryForList(NamedParameterUtils.substituteNamedParameters(parsed, source),
					flatten(NamedParameterUtils.buildValueArray(parsed, source, null)));
		}

		Long count(String sql, Map<String, Object> params) {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
			MapSqlParameterSource source = new MapSqlParameterSource(params);
			return this.jdbc.queryForObject(NamedParameterUtils.substituteNamedParameters(parsed, source), Long.class,
					flatten(NamedParameterUtils.buildValueArray(parsed, source, null)));
		}

		/**
		 * The second query of {@code Accounts.search}, {@code Contacts.search} and
		 * {@code Opportunities.search}: when the names found fewer than 10, the records
		 * whose text-like custom values match, not already found.
		 * @return those rows (none when the names found enough)
		 */
		List<Map<String, Object>> byCustomValues(String selectWhere, String alias, TextSearch search,
				List<Map<String, Object>> found, String order, Map<String, Object> params) {
			int limit = 10;
			if (found.size() >= limit) {
				return List.of();
			}
			List<UUID> seen = new ArrayList<>(ids(found, "id"));
			Map<String, Object> more = new HashMap<>(params);
			more.put("seen", seen.isEmpty() ? List.of(new UUID(0, 0)) : seen);
			more.put("rest", limit - found.size());
			return list(selectWhere + " and " + alias + ".custom_text is not null and "
					+ search.matches("to_tsvector('simple', " + alias + ".custom_text)")
					+ (seen.isEmpty() ? "" : " and " + alias + ".id not in (:seen)") + " order by " + order
					+ " limit :rest", more);
		}

		/**
		 * {@code Accounts.namesOf}, {@code UserDirectory.namesOf}: nothing when no ids.
		 */
		void names(String table, String column, Collection<UUID> ids) {
			if (!ids.isEmpty()) {
				list("select id, " + column + " from " + table + " where id in (:ids)",
						Map.of("ids", List.copyOf(ids)));
			}
		}

		private static Object[] flatten(Object[] values) {
			List<Object> flat = new ArrayList<>();
			for (Object value : values) {
				if (value instanceof Collection<?> many) {
					flat.addAll(many);
				}
				else {
					flat.add(value);
				}
			}
			return flat.toArray();
		}

	}

}
