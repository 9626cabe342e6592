package dev.bellwether.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who runs the adoption programme: every administrator, and the users an administrator
 * flags as programme leads (the PROGRAMME_LEAD flag, kept in {@code programme_leads} so
 * that it goes with the module, whatever the person's role). Every part of the programme
 * asks {@link #requireLead(Viewer)} before changing anything.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeLeads {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Clock clock;

	ProgrammeLeads(JdbcClient jdbc, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @return whether the viewer manages the programme: an administrator or a flagged,
	 * active programme lead
	 */
	public boolean isLead(Viewer viewer) {
		if (viewer == null) {
			return false;
		}
		if (viewer.isAdmin()) {
			return true;
		}
		return this.jdbc.sql("select exists (select 1 from programme_leads where user_id = :id)")
			.param("id", viewer.id())
			.query(Boolean.class)
			.single() && this.users.find(viewer.id()).map(User::active).orElse(false);
	}

	/**
	 * @throws ForbiddenException unless the viewer manages the programme
	 */
	public void requireLead(Viewer viewer) {
		if (!isLead(viewer)) {
			throw new ForbiddenException("Only programme leads and administrators manage the adoption programme.");
		}
	}

	/**
	 * @return every flagged programme lead, by name, deactivated users included
	 * (administrators lead the programme without being listed)
	 */
	public List<Lead> list() {
		record Flag(UUID userId, Instant at, UUID by) {
		}
		List<Flag> flags = this.jdbc.sql("select user_id, created_at, created_by from programme_leads")
			.query((rs, row) -> new Flag(rs.getObject("user_id", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_by", UUID.class)))
			.list();
		if (flags.isEmpty()) {
			return List.of();
		}
		Map<UUID, Person> people = new HashMap<>();
		this.users.people().forEach(person -> people.put(person.id(), person));
		return flags.stream().filter(flag -> people.containsKey(flag.userId())).map(flag -> {
			Person lead = people.get(flag.userId());
			Person by = flag.by() == null ? null : people.get(flag.by());
			return new Lead(lead.id(), lead.fullName(), lead.title(), lead.role().label(), lead.active(), flag.at(),
					by == null ? null : by.fullName());
		})
			.sorted(Comparator.comparing((Lead lead) -> lead.fullName().toLowerCase(Locale.ROOT))
				.thenComparing(lead -> lead.userId().toString()))
			.toList();
	}

	/**
	 * Flags the user as a programme lead; flagging a lead again changes nothing.
	 * @throws ForbiddenException for anyone but an administrator
	 * @throws RecordNotFoundException for an unknown user
	 * @throws InvalidInputException for a deactivated user or an integration account
	 */
	@Transactional
	public void designate(Viewer actor, UUID userId) {
		requireAdmin(actor);
		User user = this.users.find(userId).orElseThrow(() -> new RecordNotFoundException("user", userId));
		if (!user.active()) {
			throw new InvalidInputException("userId",
					user.fullName() + " is deactivated and cannot lead the programme.");
		}
		if (user.integrationAccount()) {
			throw new InvalidInputException("userId", "An integration account cannot lead the programme.");
		}
		this.jdbc.sql("""
				insert into programme_leads (user_id, created_at, created_by) values (:id, :at, :by)
				on conflict (user_id) do nothing
				""")
			.param("id", userId)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("by", actor.id())
			.update();
	}

	/**
	 * @return whether the user was flagged
	 * @throws ForbiddenException for anyone but an administrator
	 */
	@Transactional
	public boolean remove(Viewer actor, UUID userId) {
		requireAdmin(actor);
		return this.jdbc.sql("delete from programme_leads where user_id = :id").param("id", userId).update() > 0;
	}

	private static void requireAdmin(Viewer actor) {
		if (!actor.isAdmin()) {
			throw new ForbiddenException("Only administrators flag programme leads.");
		}
	}

	/**
	 * A flagged programme lead.
	 *
	 * @param flaggedByName the administrator who flagged them, {@code null} if unknown
	 */
	public record Lead(UUID userId, String fullName, String title, String role, boolean active, Instant flaggedAt,
			String flaggedByName) {
	}

}
