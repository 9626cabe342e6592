package dev.bellwether.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The manager hierarchy, of any depth: who is above whom, each user's org level (0 for
 * the people nobody manages), and everyone in a manager's organisation.
 */
@Service
public class OrgChart {

	private final JdbcClient jdbc;

	OrgChart(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * SQL selecting the ids of a user and everyone below them. {@code union} (not
	 * {@code union all}) stops at a cycle, should one ever be written around the
	 * service's checks.
	 */
	static String subtreeSql(String userIdExpression) {
		return "with recursive subtree(id) as (select cast(" + userIdExpression + " as uuid)"
				+ " union select u.id from users u join subtree s on u.manager_id = s.id) select id from subtree";
	}

	/**
	 * @return whether {@code managerId} is above {@code userId} in the manager chain
	 * (directly or not)
	 */
	public boolean isAbove(UUID managerId, UUID userId) {
		if (managerId.equals(userId)) {
			return false;
		}
		// in a web request, the manager's organisation is looked up once and answers for
		// every record on the page (a board asks for each of its cards)
		if (RequestContextHolder.getRequestAttributes() != null) {
			return organisationOf(managerId).contains(userId);
		}
		return managerChain(userId).contains(managerId);
	}

	/**
	 * @return the user's managers, nearest first
	 */
	public List<UUID> managerChain(UUID userId) {
		return perRequest("managers." + userId, () -> this.jdbc.sql("""
				with recursive chain(id, manager_id, depth) as (
				    select id, manager_id, 0 from users where id = :id
				    union
				    select u.id, u.manager_id, c.depth + 1 from users u join chain c on u.id = c.manager_id
				    where c.depth < 100)
				select id from chain where id <> :id order by depth
				""").param("id", userId).query(UUID.class).list());
	}

	/**
	 * @return how many managers are above the user: 0 at the top of the company
	 */
	public int level(UUID userId) {
		return managerChain(userId).size();
	}

	/**
	 * @return the user and everyone below them, at any depth
	 */
	public Set<UUID> organisationOf(UUID userId) {
		// a page asks for the same organisation many times (visibility of each list, team
		// figures, edit rights of each record shown): look it up once per web request
		return perRequest("organisation." + userId,
				() -> Set.copyOf(this.jdbc.sql(subtreeSql(":id")).param("id", userId).query(UUID.class).set()));
	}

	/**
	 * Forgets what this web request looked up, after a change to the chart.
	 */
	public void forgetLookUps() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
				if (name.startsWith(OrgChart.class.getName() + ".")) {
					request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T perRequest(String name, Supplier<T> lookUp) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = OrgChart.class.getName() + "." + name;
		if (request != null) {
			Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
			if (cached != null) {
				return (T) cached;
			}
		}
		T value = lookUp.get();
		if (request != null) {
			request.setAttribute(key, value, RequestAttributes.SCOPE_REQUEST);
		}
		return value;
	}

	/**
	 * @return the people who report directly to the user
	 */
	public List<UUID> directReports(UUID userId) {
		return this.jdbc.sql("select id from users where manager_id = :id order by full_name")
			.param("id", userId)
			.query(UUID.class)
			.list();
	}

}
