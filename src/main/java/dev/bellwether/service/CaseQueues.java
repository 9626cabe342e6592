package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The queues cases are worked from ("Support" is seeded and is the default), and the
 * agents who work each (their "Next case" comes from their queues).
 */
@Service
@Transactional(readOnly = true)
public class CaseQueues {

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseQueues(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every queue, active ones first, by name. */
	public List<CaseQueue> all() {
		return this.jdbc.sql("select * from case_queues order by not active, lower(name)")
			.query(CaseQueues::map)
			.list();
	}

	public Optional<CaseQueue> find(UUID id) {
		return this.jdbc.sql("select * from case_queues where id = :id")
			.param("id", id)
			.query(CaseQueues::map)
			.optional();
	}

	public CaseQueue get(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("queue", id));
	}

	/** The default queue ("Support"). */
	public CaseQueue defaultQueue() {
		return get(Cases.DEFAULT_QUEUE_ID);
	}

	/** The active queues the user works. */
	public List<UUID> queuesOf(UUID userId) {
		return this.jdbc.sql("""
				select m.queue_id from case_queue_members m join case_queues q on q.id = m.queue_id
				where m.user_id = :user and q.active
				""").param("user", userId).query(UUID.class).list();
	}

	public List<UUID> membersOf(UUID queueId) {
		return this.jdbc.sql("select user_id from case_queue_members where queue_id = :queue")
			.param("queue", queueId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Creates a queue (administrators).
	 * @throws InvalidInputException for a missing, too long or taken name
	 */
	@Transactional
	public CaseQueue create(Viewer viewer, String name, String description, UUID managerId) {
		requireAdmin(viewer);
		if (!StringUtils.hasText(name) || name.strip().length() > 120) {
			throw new InvalidInputException("name", "Give the queue a name of up to 120 characters.");
		}
		if (this.jdbc.sql("select count(*) from case_queues where lower(name) = lower(:name)")
			.param("name", name.strip())
			.query(Long.class)
			.single() > 0) {
			throw new InvalidInputException("name", "There is a queue called " + name.strip() + " already.");
		}
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into case_queues (id, name, description, manager_id, active, created_at, created_by, updated_at,
				  updated_by, version)
				values (:id, :name, :description, :manager, true, :now, :actor, :now, :actor, 0)
				""")
			.param("id", id)
			.param("name", name.strip())
			.param("description", StringUtils.hasText(description) ? description.strip() : null)
			.param("manager", managerId)
			.param("now", utc(this.clock.instant()))
			.param("actor", viewer.id())
			.update();
		return get(id);
	}

	/**
	 * Adds the agent to the queue's members (administrators, or the agent themself).
	 */
	@Transactional
	public void join(Viewer viewer, UUID queueId, UUID userId) {
		if (!viewer.isAdmin() && !viewer.id().equals(userId)) {
			throw new ForbiddenException("Only administrators add other people to a queue.");
		}
		get(queueId);
		this.jdbc.sql("""
				insert into case_queue_members (queue_id, user_id) values (:queue, :user)
				on conflict do nothing
				""").param("queue", queueId).param("user", userId).update();
	}

	@Transactional
	public void leave(Viewer viewer, UUID queueId, UUID userId) {
		if (!viewer.isAdmin() && !viewer.id().equals(userId)) {
			throw new ForbiddenException("Only administrators take other people off a queue.");
		}
		this.jdbc.sql("delete from case_queue_members where queue_id = :queue and user_id = :user")
			.param("queue", queueId)
			.param("user", userId)
			.update();
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only administrators manage queues.");
		}
	}

	static CaseQueue map(ResultSet rs, int row) throws SQLException {
		return new CaseQueue(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getObject("manager_id", UUID.class), rs.getBoolean("active"), rs.getLong("version"));
	}

}
