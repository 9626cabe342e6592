package dev.bellwether.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated people the benchmark acts as, each with a personal access token, and the
 * records they look at: reps with their own deals, managers (a team each), executives.
 */
final class Personas {

	/** The stage the list scenarios filter by: Proposal, a busy open stage. */
	static final UUID LIST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final int PAGE_SIZE = 50;

	static final int DEEP_PAGE = 200;

	record Persona(UUID id, String username, String team, String token, int deepPage, List<UUID> deals) {
	}

	final List<Persona> reps;

	final List<Persona> managers;

	final List<Persona> executives;

	final List<String> searches;

	private Personas(List<Persona> reps, List<Persona> managers, List<Persona> executives, List<String> searches) {
		this.reps = reps;
		this.managers = managers;
		this.executives = executives;
		this.searches = searches;
	}

	interface Tokens {

		String create(UUID userId);

	}

	/**
	 * @param count how many of each kind (the busiest reps, the managers of the biggest
	 * teams)
	 */
	static Personas choose(JdbcTemplate jdbc, Tokens tokens, int count) {
		String prefix = BenchmarkData.USERNAME_PREFIX;
		List<Persona> reps = new ArrayList<>();
		for (var row : jdbc.queryForList("""
				select u.id, u.username, u.team from users u
				left join opportunities o on o.owner_id = u.id and o.deleted_at is null
				where u.username like ? and u.role = 'REP'
				group by u.id order by count(o.id) desc, u.username limit ?
				""", prefix + "rep%", count)) {
			UUID id = (UUID) row.get("id");
			List<UUID> deals = jdbc.queryForList(
					"select id from opportunities where owner_id = ? and deleted_at is null order by id limit 200",
					UUID.class, id);
			reps.add(new Persona(id, (String) row.get("username"), (String) row.get("team"), tokens.create(id),
					deepPage(jdbc, "o.owner_id = ?", id), deals));
		}
		List<Persona> managers = new ArrayList<>();
		for (var row : jdbc.queryForList("""
				select u.id, u.username, u.team from users u
				where u.username like ? and u.role = 'MANAGER'
				  and exists (select 1 from users r where r.manager_id = u.id and r.role = 'REP')
				order by u.username limit ?
				""", prefix + "mgr%", count)) {
			UUID id = (UUID) row.get("id");
			managers.add(new Persona(id, (String) row.get("username"), (String) row.get("team"), tokens.create(id),
					deepPage(jdbc, "o.owner_id in (select id from users where manager_id = ? or id = ?)", id, id),
					List.of()));
		}
		List<Persona> executives = new ArrayList<>();
		for (var row : jdbc.queryForList("""
				select u.id, u.username, u.team from users u where u.username like ? and u.role = 'EXECUTIVE'
				order by u.username limit ?
				""", prefix + "%", Math.max(1, count / 4))) {
			UUID id = (UUID) row.get("id");
			executives.add(new Persona(id, (String) row.get("username"), (String) row.get("team"), tokens.create(id),
					deepPage(jdbc, "true"), List.of()));
		}
		List<String> searches = List.of("apex logistics", "Apex Logistcs", "meridian", "merdian hlth", "summit",
				"jonson", "maria schmidt", "grace", "nortern", "vertex analytics", "quantum", "oak");
		return new Personas(reps, managers, executives, searches);
	}

	/**
	 * Page {@value #DEEP_PAGE}, or the last page when the persona sees fewer deals in the
	 * list stage.
	 */
	private static int deepPage(JdbcTemplate jdbc, String visible, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = LIST_STAGE;
		System.arraycopy(args, 0, all, 1, args.length);
		Long count = jdbc.queryForObject("select count(*) from opportunities o where o.deleted_at is null "
				+ "and o.stage_id = ? and " + visible, Long.class, all);
		long pages = (count == null ? 0 : count + PAGE_SIZE - 1) / PAGE_SIZE;
		return (int) Math.max(0, Math.min(DEEP_PAGE, pages - 1));
	}

}
