package dev.bellwether.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.benchmark.Personas.Persona;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table of what is measured: each scenario's HTTP call, its target, and the raw SQL
 * of the same query (what the endpoint has to ask the database at the least, with the
 * same visibility predicate) as its baseline. To measure another endpoint, add a row.
 */
final class Scenarios {

	/** The manager chain below a user, as {@code RecordVisibility} filters by it. */
	private static final String SUBTREE = "with recursive subtree(id) as (select cast(? as uuid) union "
			+ "select u.id from users u join subtree s on u.manager_id = s.id) select id from subtree";

	/**
	 * One row of the table.
	 *
	 * @param targetP95Millis NaN for none (the trivial endpoint is itself a baseline)
	 * @param sql the baseline, or null for none
	 */
	record Scenario(String name, double targetP95Millis, LoadDriver.Call http, LoadDriver.Call sql) {
	}

	private Scenarios() {
	}

	static List<Scenario> all(BenchmarkHttp http, BenchmarkHttp.Session managerPage, JdbcTemplate jdbc,
			Personas personas) {
		List<Scenario> scenarios = new ArrayList<>();
		Persona me = personas.reps.get(0);
		scenarios.add(new Scenario("trivial endpoint GET /api/v1/users/me", Double.NaN,
				i -> http.api("/api/v1/users/me", pick(personas.reps, i).token()),
				i -> jdbc.queryForList("select id, username, full_name, role from users where id = ?",
						pick(personas.reps, i).id())));
		scenarios.add(new Scenario("list accounts (rep, page 0)", 50,
				i -> http.api("/api/v1/accounts?sort=name,asc&page=0&size=50", pick(personas.reps, i).token()), i -> {
					jdbc.queryForList("""
							select a.*, p.name as parent_name from accounts a left join accounts p on p.id = a.parent_id
							where a.deleted_at is null order by lower(a.name), a.id limit 50""");
					jdbc.queryForObject("select count(*) from accounts a where a.deleted_at is null", Long.class);
				}));
		addList(scenarios, http, jdbc, "rep", personas.reps, false);
		addList(scenarios, http, jdbc, "rep", personas.reps, true);
		addList(scenarios, http, jdbc, "manager", personas.managers, false);
		addList(scenarios, http, jdbc, "manager", personas.managers, true);
		addList(scenarios, http, jdbc, "executive", personas.executives, false);
		addList(scenarios, http, jdbc, "executive", personas.executives, true);
		scenarios.add(new Scenario("get opportunity + timeline (rep)", 50, i -> {
			Persona rep = pick(personas.reps, i);
			UUID deal = pick(rep.deals(), i / personas.reps.size());
			http.api("/api/v1/opportunities/" + deal, rep.token());
			http.api("/api/v1/opportunities/" + deal + "/timeline", rep.token());
		}, i -> {
			Persona rep = pick(personas.reps, i);
			UUID deal = pick(rep.deals(), i / personas.reps.size());
			jdbc.queryForList("""
					select o.*, a.name as account_name, c.first_name, c.last_name, u.full_name as owner_name,
					       s.name as stage_name
					from opportunities o join accounts a on a.id = o.account_id join users u on u.id = o.owner_id
					join pipeline_stages s on s.id = o.stage_id left join contacts c on c.id = o.primary_contact_id
					where o.id = ? and o.deleted_at is null""", deal);
			jdbc.queryForList("""
					select * from (
					  select 'activity' as kind, a.id, a.occurred_at as at, a.subject as title from activities a
					  where a.opportunity_id = ? and a.deleted_at is null
					  union all
					  select 'stage', h.id, h.changed_at, cast(h.to_stage_id as text) from opportunity_history h
					  where h.opportunity_id = ?
					  union all
					  select 'field', f.id, f.changed_at, f.field from field_history f
					  where f.record_type = 'opportunity' and f.record_id = ?) t
					order by at desc, id desc limit 20""", deal, deal, deal);
		}));
		scenarios.add(new Scenario("global search (typos included)", 100, i -> {
			Persona who = pick(i % 2 == 0 ? personas.reps : personas.managers, i / 2);
			http.api("/api/v1/search?q=" + BenchmarkHttp.encode(pick(personas.searches, i)), who.token());
		}, i -> {
			Persona who = pick(i % 2 == 0 ? personas.reps : personas.managers, i / 2);
			String q = pick(personas.searches, i).toLowerCase();
			String like = "%" + q + "%";
			jdbc.queryForList("""
					select a.id, a.name from accounts a
					where a.deleted_at is null and (lower(a.name) like ? or lower(a.domain) like ?)
					order by (lower(a.name) = ?) desc, similarity(lower(a.name), ?) desc, lower(a.name) limit 10""",
					like, like, q, q);
			jdbc.queryForList("""
					select c.id, c.last_name from contacts c
					where c.deleted_at is null
					  and (lower(coalesce(c.first_name, '') || ' ' || c.last_name) like ? or lower(c.email) like ?)
					order by similarity(lower(coalesce(c.first_name, '') || ' ' || c.last_name), ?) desc,
					  lower(c.last_name), c.id limit 10""", like, like, q);
			jdbc.queryForList("select o.id, o.name from opportunities o where o.deleted_at is null "
					+ "and lower(o.name) like ? and o.owner_id in (" + SUBTREE + ") "
					+ "order by similarity(lower(o.name), ?) desc, o.id limit 10", like, who.id(), q);
		}));
		scenarios.add(new Scenario("team pipeline board (manager)", 200, i -> {
			Persona manager = pick(personas.managers, i);
			http.api("/api/v1/pipeline/board?team=" + manager.id(), manager.token());
		}, i -> {
			Persona manager = pick(personas.managers, i);
			jdbc.queryForList("""
					select o.stage_id, count(*), sum(o.amount) from opportunities o
					where o.deleted_at is null and o.closed_at is null
					  and o.owner_id in (select id from users where team = ?) and o.owner_id in (%s)
					group by o.stage_id""".formatted(SUBTREE), manager.team(), manager.id());
			jdbc.queryForList("""
					select s.id as stage_id, card.* from pipeline_stages s cross join lateral (
					  select o.id, o.name, o.amount, o.close_date, o.owner_id, o.last_touched_at from opportunities o
					  where o.stage_id = s.id and o.deleted_at is null
					    and o.owner_id in (select id from users where team = ?) and o.owner_id in (%s)
					  order by o.close_date, o.id limit 25) card
					where s.outcome = 'OPEN' and not s.retired""".formatted(SUBTREE), manager.team(), manager.id());
		}));
		scenarios.add(new Scenario("manager home page GET / (HTML)", 200, i -> managerPage.get("/"), i -> {
			Persona manager = personas.managers.get(0);
			jdbc.queryForList("""
					select o.stage_id, o.forecast_category, count(*), sum(o.amount) from opportunities o
					where o.deleted_at is null and o.closed_at is null and o.owner_id in (%s)
					group by o.stage_id, o.forecast_category""".formatted(SUBTREE), manager.id());
			jdbc.queryForList("""
					select o.id, o.name, o.owner_id, o.last_touched_at, o.close_date from opportunities o
					where o.deleted_at is null and o.closed_at is null and o.owner_id in (%s)
					  and (o.last_touched_at < now() - interval '30 days' or o.close_date < current_date)
					order by o.last_touched_at limit 20""".formatted(SUBTREE), manager.id());
			jdbc.queryForList("""
					select o.owner_id, max(o.last_touched_at),
					       count(*) filter (where o.last_touched_at < now() - interval '30 days')
					from opportunities o where o.deleted_at is null and o.closed_at is null and o.owner_id in (%s)
					group by o.owner_id""".formatted(SUBTREE), manager.id());
		}));
		return scenarios;
	}

	private static void addList(List<Scenario> scenarios, BenchmarkHttp http, JdbcTemplate jdbc, String role,
			List<Persona> personas, boolean deep) {
		boolean everything = "executive".equals(role);
		String name = "list opportunities (" + role + ", " + (deep ? "deep page" : "page 0") + ")";
		scenarios.add(new Scenario(name, 50, i -> {
			Persona who = pick(personas, i);
			http.api("/api/v1/opportunities?stageId=" + Personas.LIST_STAGE + "&sort=closeDate,asc&page="
					+ (deep ? who.deepPage() : 0) + "&size=" + Personas.PAGE_SIZE, who.token());
		}, i -> {
			Persona who = pick(personas, i);
			String visible = everything ? "true" : "o.owner_id in (" + SUBTREE + ")";
			Object[] args = everything ? new Object[] { Personas.LIST_STAGE }
					: new Object[] { Personas.LIST_STAGE, who.id() };
			Object[] pageArgs = new Object[args.length + 1];
			System.arraycopy(args, 0, pageArgs, 0, args.length);
			pageArgs[args.length] = (deep ? who.deepPage() : 0) * Personas.PAGE_SIZE;
			jdbc.queryForList("""
					select o.*, a.name as account_name, u.full_name as owner_name
					from opportunities o join accounts a on a.id = o.account_id join users u on u.id = o.owner_id
					where o.deleted_at is null and o.stage_id = ? and %s
					order by o.close_date, o.id limit 50 offset ?""".formatted(visible), pageArgs);
			jdbc.queryForObject("select count(*) from opportunities o where o.deleted_at is null and o.stage_id = ? "
					+ "and " + visible, Long.class, args);
		}));
	}

	static <T> T pick(List<T> values, int i) {
		return values.get(Math.floorMod(i, values.size()));
	}

}
