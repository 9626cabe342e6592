package dev.bellwether.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter of the CRM at this company: what it is for, the pains it removes, the
 * payback expected in business terms, and "what's in it for me" for each role. A
 * programme lead edits one draft and publishes it as version N; published versions never
 * change. Each person accepts the current version (who accepted which version, when is
 * kept); a new version needs accepting again. Until they accept it or put it off ("Not
 * now"), people see the current version in a panel on their pages.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeCharter {

	public static final String RECORD_TYPE = "programme charter";

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ProgrammeLeads leads;

	private final Clock clock;

	ProgrammeCharter(JdbcClient jdbc, UserDirectory users, ProgrammeLeads leads, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.leads = leads;
		this.clock = clock;
	}

	/**
	 * @return the draft (empty texts before anyone saved one)
	 * @throws dev.bellwether.platform.ForbiddenException unless the viewer leads the
	 * programme
	 */
	public Draft draft(Viewer viewer) {
		this.leads.requireLead(viewer);
		Map<Role, String> wiifm = new EnumMap<>(Role.class);
		this.jdbc.sql("select role, wiifm from programme_charter_draft_roles")
			.query((rs, row) -> Map.entry(rs.getString("role"), rs.getString("wiifm")))
			.list()
			.forEach(entry -> role(entry.getKey()).ifPresent(role -> wiifm.put(role, entry.getValue())));
		return this.jdbc
			.sql("select purpose, pains, payback, version, updated_at, updated_by from programme_charter_drafts")
			.query((rs, row) -> new Draft(rs.getString("purpose"), rs.getString("pains"), rs.getString("payback"),
					wiifm, rs.getLong("version"), instant(rs, "updated_at"),
					name(rs.getObject("updated_by", UUID.class))))
			.optional()
			.orElse(new Draft("", "", "", wiifm, 0, null, null));
	}

	/**
	 * Saves the draft; blank texts may be saved (publishing refuses them).
	 * @param expectedVersion the draft's version as read (0 before the first save)
	 * @throws StaleRecordException when someone saved the draft since
	 */
	@Transactional
	public Draft saveDraft(Viewer viewer, CharterText text, long expectedVersion) {
		this.leads.requireLead(viewer);
		OffsetDateTime now = utc(this.clock.instant());
		int changed = this.jdbc.sql("""
				update programme_charter_drafts set purpose = :purpose, pains = :pains, payback = :payback,
				  updated_at = :at, updated_by = :by, version = version + 1
				where version = :version
				""")
			.param("purpose", trim(text.purpose()))
			.param("pains", trim(text.pains()))
			.param("payback", trim(text.payback()))
			.param("at", now)
			.param("by", viewer.id())
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			boolean exists = this.jdbc.sql("select exists (select 1 from programme_charter_drafts)")
				.query(Boolean.class)
				.single();
			if (exists || expectedVersion != 0) {
				throw new StaleRecordException(RECORD_TYPE, "draft", expectedVersion);
			}
			this.jdbc.sql("""
					insert into programme_charter_drafts (id, purpose, pains, payback, created_at, created_by,
					  updated_at, updated_by, version)
					values (:id, :purpose, :pains, :payback, :at, :by, :at, :by, 1)
					""")
				.param("id", Ids.newId())
				.param("purpose", trim(text.purpose()))
				.param("pains", trim(text.pains()))
				.param("payback", trim(text.payback()))
				.param("at", now)
				.param("by", viewer.id())
				.update();
		}
		this.jdbc.sql("delete from programme_charter_draft_roles").update();
		for (Role role : Role.values()) {
			String wiifm = trim(text.wiifm() == null ? null : text.wiifm().get(role));
			if (!wiifm.isEmpty()) {
				this.jdbc.sql("insert into programme_charter_draft_roles (role, wiifm) values (:role, :wiifm)")
					.param("role", role.name())
					.param("wiifm", wiifm)
					.update();
			}
		}
		return draft(viewer);
	}

	/**
	 * Publishes the draft as the next version, which becomes the current one.
	 * @param expectedDraftVersion the draft's version as read
	 * @throws InvalidInputException when the purpose, the pains, the payback or any
	 * role's "what's in it for me" is empty
	 * @throws StaleRecordException when the draft changed since it was read
	 */
	@Transactional
	public CharterVersion publish(Viewer viewer, long expectedDraftVersion) {
		Draft draft = draft(viewer);
		if (draft.version() != expectedDraftVersion) {
			throw new StaleRecordException(RECORD_TYPE, "draft", expectedDraftVersion);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.purpose().isBlank()) {
			errors.put("purpose", "Say what the CRM is for before publishing the charter.");
		}
		if (draft.pains().isBlank()) {
			errors.put("pains", "Name the pains the CRM removes before publishing the charter.");
		}
		if (draft.payback().isBlank()) {
			errors.put("payback", "State the expected payback before publishing the charter.");
		}
		for (Role role : Role.values()) {
			if (draft.wiifm().getOrDefault(role, "").isBlank()) {
				errors.put("wiifm." + role.name(), "Write what's in it for a " + role.label().toLowerCase(Locale.ROOT)
						+ " before publishing the charter.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int number = this.jdbc.sql("select coalesce(max(number), 0) + 1 from programme_charter_versions")
			.query(Integer.class)
			.single();
		UUID id = Ids.newId();
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.sql("""
				insert into programme_charter_versions (id, number, purpose, pains, payback, published_at, published_by,
				  created_at, created_by, updated_at, updated_by, version)
				values (:id, :number, :purpose, :pains, :payback, :at, :by, :at, :by, :at, :by, 0)
				""")
			.param("id", id)
			.param("number", number)
			.param("purpose", draft.purpose())
			.param("pains", draft.pains())
			.param("payback", draft.payback())
			.param("at", now)
			.param("by", viewer.id())
			.update();
		draft.wiifm()
			.forEach((role, text) -> this.jdbc.sql(
					"insert into programme_charter_version_roles (charter_version_id, role, wiifm) values (:id, :role, :wiifm)")
				.param("id", id)
				.param("role", role.name())
				.param("wiifm", text)
				.update());
		return version(number).orElseThrow();
	}

	/**
	 * @return the latest published version, nothing before the first publication
	 */
	public Optional<CharterVersion> current() {
		return this.jdbc.sql("select number from programme_charter_versions order by number desc limit 1")
			.query(Integer.class)
			.optional()
			.flatMap(this::version);
	}

	public Optional<CharterVersion> version(int number) {
		return this.jdbc.sql("""
				select id, number, purpose, pains, payback, published_at, published_by
				from programme_charter_versions where number = :number
				""").param("number", number).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new CharterVersion(id, rs.getInt("number"), rs.getString("purpose"), rs.getString("pains"),
					rs.getString("payback"), new EnumMap<>(Role.class), instant(rs, "published_at"),
					rs.getObject("published_by", UUID.class), name(rs.getObject("published_by", UUID.class)));
		}).optional().map(version -> {
			this.jdbc.sql("select role, wiifm from programme_charter_version_roles where charter_version_id = :id")
				.param("id", version.id())
				.query((rs, row) -> Map.entry(rs.getString("role"), rs.getString("wiifm")))
				.list()
				.forEach(entry -> role(entry.getKey()).ifPresent(role -> version.wiifm().put(role, entry.getValue())));
			return version;
		});
	}

	/**
	 * @return every published version, newest first, with who published it and how many
	 * accepted it
	 */
	public List<VersionSummary> history() {
		return this.jdbc.sql("""
				select v.number, v.published_at, v.published_by,
				  (select count(*) from programme_charter_acceptances a where a.charter_version_id = v.id) as accepted
				from programme_charter_versions v order by v.number desc
				""")
			.query((rs, row) -> new VersionSummary(rs.getInt("number"), instant(rs, "published_at"),
					name(rs.getObject("published_by", UUID.class)), rs.getLong("accepted")))
			.list();
	}

	/**
	 * The viewer accepts the current version; accepting it again changes nothing.
	 * @throws InvalidInputException when no charter is published or the version is not
	 * the current one
	 */
	@Transactional
	public Acceptance accept(Viewer viewer, Integer versionNumber) {
		CharterVersion current = current()
			.orElseThrow(() -> new InvalidInputException("version", "No charter has been published yet."));
		if (versionNumber == null) {
			throw new InvalidInputException("version",
					"Say which version of the charter you accept (the current one is " + current.number() + ").");
		}
		if (versionNumber != current.number()) {
			throw new InvalidInputException("version", "Version " + versionNumber
					+ " is not the current charter; read and accept version " + current.number() + ".");
		}
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.sql("""
				insert into programme_charter_acceptances (id, charter_version_id, user_id, accepted_at, created_at,
				  created_by, updated_at, updated_by, version)
				values (:id, :version, :user, :at, :at, :user, :at, :user, 0)
				on conflict (user_id, charter_version_id) do nothing
				""")
			.param("id", Ids.newId())
			.param("version", current.id())
			.param("user", viewer.id())
			.param("at", now)
			.update();
		return status(viewer).acceptance();
	}

	/**
	 * "Not now": the panel is not shown again for the current version (the charter page
	 * still asks for acceptance).
	 */
	@Transactional
	public void dismiss(Viewer viewer, int versionNumber) {
		current().filter(current -> current.number() == versionNumber)
			.ifPresent(current -> this.jdbc.sql("""
					insert into programme_charter_dismissals (charter_version_id, user_id, dismissed_at)
					values (:version, :user, :at) on conflict do nothing
					""")
				.param("version", current.id())
				.param("user", viewer.id())
				.param("at", utc(this.clock.instant()))
				.update());
	}

	/**
	 * @return the current version when the viewer has neither accepted nor put it off:
	 * what the charter panel shows, in one query per page
	 */
	public Optional<Prompt> promptFor(Viewer viewer) {
		return this.jdbc.sql("""
				select v.id, v.number, v.purpose, r.wiifm
				from programme_charter_versions v
				left join programme_charter_version_roles r on r.charter_version_id = v.id and r.role = :role
				where v.number = (select max(number) from programme_charter_versions)
				  and not exists (select 1 from programme_charter_acceptances a
				                  where a.charter_version_id = v.id and a.user_id = :user)
				  and not exists (select 1 from programme_charter_dismissals d
				                  where d.charter_version_id = v.id and d.user_id = :user)
				""")
			.param("role", viewer.role().name())
			.param("user", viewer.id())
			.query((rs, row) -> new Prompt(rs.getInt("number"), rs.getString("purpose"), viewer.role().label(),
					rs.getString("wiifm")))
			.optional();
	}

	/**
	 * @return the current version and whether the viewer accepted it (and which version
	 * they accepted last)
	 */
	public Status status(Viewer viewer) {
		Optional<CharterVersion> current = current();
		Acceptance last = this.jdbc.sql("""
				select v.number, a.accepted_at from programme_charter_acceptances a
				join programme_charter_versions v on v.id = a.charter_version_id
				where a.user_id = :user order by v.number desc limit 1
				""")
			.param("user", viewer.id())
			.query((rs, row) -> new Acceptance(viewer.id(), rs.getInt("number"), instant(rs, "accepted_at")))
			.optional()
			.orElse(null);
		boolean accepted = current.isPresent() && last != null && last.versionNumber() == current.get().number();
		return new Status(current.orElse(null), accepted, last);
	}

	/**
	 * @return who accepted which version, when (every acceptance of every version, newest
	 * first)
	 */
	public List<Acceptance> acceptancesOf(UUID userId) {
		return this.jdbc.sql("""
				select v.number, a.accepted_at from programme_charter_acceptances a
				join programme_charter_versions v on v.id = a.charter_version_id
				where a.user_id = :user order by v.number desc
				""")
			.param("user", userId)
			.query((rs, row) -> new Acceptance(userId, rs.getInt("number"), instant(rs, "accepted_at")))
			.list();
	}

	/**
	 * Who accepted the current version among the licensed people (active, counted in
	 * adoption figures, no integration accounts), overall and by team.
	 * @throws dev.bellwether.platform.ForbiddenException unless the viewer leads the
	 * programme
	 */
	public AcceptanceReport report(Viewer viewer) {
		this.leads.requireLead(viewer);
		Optional<CharterVersion> current = current();
		Map<UUID, Acceptance> latest = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (a.user_id) a.user_id, v.number, a.accepted_at
				from programme_charter_acceptances a join programme_charter_versions v on v.id = a.charter_version_id
				order by a.user_id, v.number desc
				""")
			.query((rs, row) -> new Acceptance(rs.getObject("user_id", UUID.class), rs.getInt("number"),
					instant(rs, "accepted_at")))
			.list()
			.forEach(acceptance -> latest.put(acceptance.userId(), acceptance));
		int currentNumber = current.map(CharterVersion::number).orElse(-1);
		List<PersonAcceptance> people = new ArrayList<>();
		Map<String, long[]> teams = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Person person : this.users.people()) {
			if (!person.active() || !person.countedInAdoption()) {
				continue;
			}
			Acceptance last = latest.get(person.id());
			boolean accepted = last != null && last.versionNumber() == currentNumber;
			String team = person.team() == null || person.team().isBlank() ? NO_TEAM : person.team();
			people.add(new PersonAcceptance(person.id(), person.fullName(), team, person.role().label(), accepted,
					last == null ? null : last.versionNumber(), last == null ? null : last.acceptedAt()));
			long[] counts = teams.computeIfAbsent(team, t -> new long[2]);
			counts[0] += accepted ? 1 : 0;
			counts[1]++;
		}
		people.sort(Comparator.comparing(PersonAcceptance::accepted)
			.thenComparing(p -> p.fullName().toLowerCase(Locale.ROOT))
			.thenComparing(p -> p.userId().toString()));
		List<TeamAcceptance> byTeam = teams.entrySet()
			.stream()
			.map(e -> new TeamAcceptance(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
		long accepted = people.stream().filter(PersonAcceptance::accepted).count();
		return new AcceptanceReport(current.map(CharterVersion::number).orElse(null), accepted, people.size(), byTeam,
				people);
	}

	/** The team name of people without one in the report. */
	public static final String NO_TEAM = "No team";

	private String name(UUID userId) {
		return userId == null ? null : this.users.find(userId).map(u -> u.fullName()).orElse(null);
	}

	private static Optional<Role> role(String name) {
		try {
			return Optional.of(Role.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String trim(String text) {
		return text == null ? "" : text.strip();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The charter's texts, as edited.
	 */
	public record CharterText(String purpose, String pains, String payback, Map<Role, String> wiifm) {
	}

	/**
	 * @param version 0 before the first save
	 * @param updatedAt {@code null} before the first save
	 */
	public record Draft(String purpose, String pains, String payback, Map<Role, String> wiifm, long version,
			Instant updatedAt, String updatedByName) {
	}

	/**
	 * A published version: never changed once published.
	 *
	 * @param wiifm "what's in it for me", per role
	 */
	public record CharterVersion(UUID id, int number, String purpose, String pains, String payback,
			Map<Role, String> wiifm, Instant publishedAt, UUID publishedBy, String publishedByName) {

		/**
		 * @return the roles' texts with the viewer's role first
		 */
		public List<Map.Entry<Role, String>> wiifmFirst(Role first) {
			List<Map.Entry<Role, String>> entries = new ArrayList<>(this.wiifm.entrySet());
			entries.sort(Comparator.comparing((Map.Entry<Role, String> e) -> e.getKey() != first)
				.thenComparing(e -> e.getKey().ordinal()));
			return entries;
		}

	}

	public record VersionSummary(int number, Instant publishedAt, String publishedByName, long acceptances) {
	}

	/**
	 * A person accepted a version.
	 */
	public record Acceptance(UUID userId, int versionNumber, Instant acceptedAt) {
	}

	/**
	 * What the charter panel shows a person: the purpose and their role's text.
	 */
	public record Prompt(int versionNumber, String purpose, String roleLabel, String wiifm) {
	}

	/**
	 * @param current {@code null} before the first publication
	 * @param acceptedCurrent whether the viewer accepted the current version
	 * @param acceptance the viewer's latest acceptance, of any version, or {@code null}
	 */
	public record Status(CharterVersion current, boolean acceptedCurrent, Acceptance acceptance) {
	}

	/**
	 * @param versionNumber the current version, {@code null} before the first publication
	 * @param accepted licensed people who accepted the current version
	 * @param licensed licensed people: active, counted in adoption figures
	 */
	public record AcceptanceReport(Integer versionNumber, long accepted, long licensed, List<TeamAcceptance> teams,
			List<PersonAcceptance> people) {
	}

	public record TeamAcceptance(String team, long accepted, long licensed) {
	}

	/**
	 * @param lastVersion the last version the person accepted, {@code null} if none
	 */
	public record PersonAcceptance(UUID userId, String fullName, String team, String role, boolean accepted,
			Integer lastVersion, Instant lastAcceptedAt) {
	}

}
