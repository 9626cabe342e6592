package dev.bellwether.adoption;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The executive sponsors of the CRM: the people whose own use the adoption programme
 * depends on. Administrators designate and remove them; a sponsor inactive for 14 days
 * raises an alert to them and to every administrator (docs/adoption-metrics.md, "Alerts
 * and digests").
 */
@Service
@Transactional(readOnly = true)
public class AdoptionSponsors {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Clock clock;

	AdoptionSponsors(JdbcClient jdbc, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @return every sponsor, by name, including deactivated users still designated
	 */
	public List<Sponsor> list() {
		record Designation(UUID userId, Instant at, UUID by) {
		}
		List<Designation> designations = this.jdbc.sql("select user_id, created_at, created_by from adoption_sponsors")
			.query((rs, row) -> new Designation(rs.getObject("user_id", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_by", UUID.class)))
			.list();
		if (designations.isEmpty()) {
			return List.of();
		}
		Map<UUID, Person> people = new HashMap<>();
		this.users.people().forEach(person -> people.put(person.id(), person));
		return designations.stream()
			.filter(designation -> people.containsKey(designation.userId()))
			.map(designation -> {
				Person sponsor = people.get(designation.userId());
				Person by = designation.by() == null ? null : people.get(designation.by());
				return new Sponsor(sponsor.id(), sponsor.fullName(), sponsor.email(), sponsor.title(), sponsor.active(),
						designation.at(), designation.by(), by == null ? null : by.fullName());
			})
			// by name, then id (as PostgreSQL orders uuids: their text)
			.sorted(Comparator.comparing((Sponsor sponsor) -> sponsor.fullName().toLowerCase(Locale.ROOT))
				.thenComparing(sponsor -> sponsor.userId().toString()))
			.toList();
	}

	public boolean isSponsor(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from adoption_sponsors where user_id = :id)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Makes the user an executive sponsor; designating a sponsor again changes nothing.
	 * @throws ForbiddenException for anyone but an administrator
	 * @throws RecordNotFoundException for an unknown user
	 * @throws InvalidInputException for a deactivated user or an integration account
	 */
	@Transactional
	public void designate(Viewer actor, UUID userId) {
		requireAdmin(actor);
		User user = this.users.find(userId).orElseThrow(() -> new RecordNotFoundException("user", userId));
		if (!user.active()) {
			throw new InvalidInputException("userId", user.fullName() + " is deactivated and cannot be a sponsor.");
		}
		if (user.integrationAccount()) {
			throw new InvalidInputException("userId", "An integration account cannot be a sponsor.");
		}
		this.jdbc.sql("""
				insert into adoption_sponsors (user_id, created_at, created_by) values (:id, :at, :by)
				on conflict (user_id) do nothing
				""").param("id", userId).param("at", utc(Instant.now(this.clock))).param("by", actor.id()).update();
	}

	/**
	 * @return whether the user was a sponsor
	 * @throws ForbiddenException for anyone but an administrator
	 */
	@Transactional
	public boolean remove(Viewer actor, UUID userId) {
		requireAdmin(actor);
		return this.jdbc.sql("delete from adoption_sponsors where user_id = :id").param("id", userId).update() > 0;
	}

	private static void requireAdmin(Viewer actor) {
		if (!actor.isAdmin()) {
			throw new ForbiddenException("Only administrators designate executive sponsors.");
		}
	}

	/**
	 * An executive sponsor.
	 *
	 * @param active whether the user is active (a deactivated sponsor raises no alerts)
	 * @param designatedBy the administrator who designated them, {@code null} if unknown
	 */
	public record Sponsor(UUID userId, String fullName, String email, String title, boolean active,
			Instant designatedAt, UUID designatedBy, String designatedByName) {

	}

}
