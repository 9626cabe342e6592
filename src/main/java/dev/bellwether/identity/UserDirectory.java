package dev.bellwether.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.platform.db.ExternalIds;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.Text.blankToNull;

/**
 * Users: looked up by everyone (owners' names), created and changed by administrators,
 * and deactivated rather than deleted.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	public static final String RECORD_TYPE = "user";

	/**
	 * The shortest password a person may choose. Seeded users (the demo company) are
	 * created with {@link #create} and are exempt, so that the demo password stays easy
	 * to type.
	 */
	public static final int MIN_PASSWORD_LENGTH = 8;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(u.full_name)", "username",
			"lower(u.username)", "role", "u.role", "team", "u.team", "region", "u.region", "lastLogin",
			"u.last_login_at", "hiredOn", "u.hired_on");

	private static final String SELECT = """
			select u.*, m.full_name as manager_name from users u left join users m on m.id = u.manager_id
			""";

	private static final String ACTIVE_MANAGER = "u.active and exists (select 1 from users r where r.manager_id = u.id and r.active)";

	private static final PagedQuery PAGED = new PagedQuery(SELECT, "from users u");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final OrgChart orgChart;

	private final UserSessions sessions;

	private final Clock clock;

	UserDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, OrgChart orgChart,
			UserSessions sessions, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.orgChart = orgChart;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.SUPPORTS) // one statement (see namesOf)
	public Optional<User> find(UUID id) {
		return this.jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(UserDirectory::map).optional();
	}

	/**
	 * Whether this user's changes and logged work count as touches that keep records
	 * fresh: a person's do (counted in adoption or not), an integration account's — a
	 * system syncing records — do not. Changes with no user behind them count as before.
	 * @param id the acting user, or {@code null}
	 * @return {@code false} only for an integration account
	 */
	public boolean touchesRecords(UUID id) {
		return id == null || find(id).map(user -> !user.integrationAccount()).orElse(true);
	}

	@Transactional(propagation = Propagation.SUPPORTS) // one statement (see namesOf)
	public User get(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	public Optional<User> findByUsername(String username) {
		return this.jdbc.sql(SELECT + " where lower(u.username) = lower(:username)")
			.param("username", username)
			.query(UserDirectory::map)
			.optional();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	/**
	 * @return the full names of the given users, for showing owners beside records
	 */
	// one statement, so no transaction of its own: its BEGIN and COMMIT would cost a
	// round trip each time a page shows names (inside a caller's transaction it joins it)
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select id, full_name from users where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("full_name")))
			.list();
		return names;
	}

	/**
	 * Every user, active or not, integration accounts and people not counted included,
	 * each with their org level: one statement, for figures over the whole company (the
	 * adoption figures read it once per computation and pass the ids to their own SQL).
	 * @return by full name, then id
	 */
	@Transactional(propagation = Propagation.SUPPORTS) // one statement (see namesOf)
	public List<Person> people() {
		return this.jdbc.sql("""
				with recursive depth(id, depth) as (
				    select id, 0 from users where manager_id is null
				    union all
				    select u.id, d.depth + 1 from users u join depth d on u.manager_id = d.id where d.depth < 100)
				select u.id, u.full_name, u.email, u.title, u.role, u.manager_id, coalesce(d.depth, 0) as level,
				  u.team, u.region, u.active, u.hired_on, u.provisioned_at, u.deactivated_at, u.created_at,
				  u.integration_account, u.not_counted_reason
				from users u left join depth d on d.id = u.id
				order by u.full_name, u.id
				""")
			.query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("full_name"),
					rs.getString("email"), rs.getString("title"), Role.valueOf(rs.getString("role")),
					rs.getObject("manager_id", UUID.class), rs.getInt("level"), rs.getString("team"),
					rs.getString("region"), rs.getBoolean("active"), rs.getObject("hired_on", LocalDate.class),
					instant(rs, "provisioned_at"), instant(rs, "deactivated_at"), instant(rs, "created_at"),
					rs.getBoolean("integration_account"), rs.getString("not_counted_reason")))
			.list();
	}

	/**
	 * @return every user, active or not, by name (an import matches a file's people
	 * against them all: a deactivated person is still the same person)
	 */
	public List<User> allUsers() {
		return this.jdbc.sql(SELECT + " order by lower(u.full_name), u.id").query(UserDirectory::map).list();
	}

	/**
	 * @return the users with these old ids (from an earlier import), by old id
	 */
	public Map<String, UUID> idsByExternalId(Collection<String> externalIds) {
		return ExternalIds.find(this.jdbc,
				"select external_id, id from users where external_id = any(cast(:keys as text[]))", externalIds);
	}

	/**
	 * The check an administrator's form gets, without writing: what is wrong with the
	 * profile for a new user ({@code id} null) or an existing one.
	 * @return the problems by field (empty when none)
	 */
	public Map<String, String> problems(UUID id, UserProfile profile) {
		return validate(id, profile);
	}

	/**
	 * Undoes an import's new user: deactivated (users are never deleted, so that whatever
	 * they touched keeps its history), unless changed since the import.
	 * @return whether it was deactivated
	 */
	@Transactional
	public boolean deactivateIfUnchanged(UUID id, long version, UUID actorId) {
		User user = get(id);
		if (user.version() != version || user.lastLoginAt() != null) {
			return false;
		}
		deactivate(id, actorId);
		return true;
	}

	/**
	 * @return the active users, by name, for choosing an owner or a manager
	 */
	public List<User> activeUsers() {
		return this.jdbc.sql(SELECT + " where u.active order by lower(u.full_name)").query(UserDirectory::map).list();
	}

	/**
	 * @return the active people who own records (not administrators, integration
	 * accounts, marketing or service users), by name; see {@link RecordOwners}
	 */
	public List<User> activeSalesPeople() {
		return this.jdbc
			.sql(SELECT + " where u.active and not u.integration_account and u.role in (:roles)"
					+ " order by lower(u.full_name)")
			.param("roles", RecordOwners.OWNER_ROLES.stream().map(Role::name).toList())
			.query(UserDirectory::map)
			.list();
	}

	/**
	 * @return the active users with at least one active direct report, by name
	 */
	public List<User> activeManagers() {
		return this.jdbc.sql(SELECT + " where " + ACTIVE_MANAGER + " order by lower(u.full_name)")
			.query(UserDirectory::map)
			.list();
	}

	/**
	 * {@link #activeManagers()} among some people only (an organisation): a manager's
	 * home page needs the few in their organisation, not the company's hundreds.
	 */
	public List<User> activeManagersAmong(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where u.id in (:ids) and " + ACTIVE_MANAGER + " order by lower(u.full_name)")
			.param("ids", List.copyOf(ids))
			.query(UserDirectory::map)
			.list();
	}

	public Page<User> list(UserFilter filter, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(filter.query())) {
			where.append(" and (lower(u.full_name) like :q or lower(u.username) like :q or lower(u.email) like :q)");
			params.put("q", "%" + filter.query().trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.role() != null) {
			where.append(" and u.role = :role");
			params.put("role", filter.role().name());
		}
		if (filter.active() != null) {
			where.append(" and u.active = :active");
			params.put("active", filter.active());
		}
		if (filter.managerId() != null) {
			where.append(" and u.manager_id = :managerId");
			params.put("managerId", filter.managerId());
		}
		return PAGED.fetch(this.jdbc, where.substring(" where ".length()), params,
				PageRequests.orderBy(pageable.getSort(), SORTABLE, RECORD_TYPE, "lower(u.full_name)", "u.id"), pageable,
				UserDirectory::map);
	}

	/**
	 * An administrator adds a person: as {@link #create}, and the initial password must
	 * also follow the password rule, since a person chose it.
	 */
	@Transactional
	public User provision(UserProfile profile, String initialPassword, UUID actorId) {
		Map<String, String> errors = validate(null, profile);
		checkNewPassword("password", initialPassword, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return create(profile, initialPassword, actorId);
	}

	@Transactional
	public User create(UserProfile profile, String password, UUID actorId) {
		if (!StringUtils.hasText(password)) {
			Map<String, String> errors = validate(null, profile);
			errors.put("password", "Enter an initial password.");
			throw new InvalidInputException(errors);
		}
		return create(profile, encodePassword(password), actorId);
	}

	/**
	 * Hashes a password once for many new users (the demo company, imports): a
	 * deliberately slow hash is then paid once, not per user.
	 */
	public EncodedPassword encodePassword(String password) {
		return new EncodedPassword(this.passwordEncoder.encode(password));
	}

	/**
	 * A password hashed by {@link #encodePassword}.
	 */
	public record EncodedPassword(String hash) {

		@Override
		public String toString() {
			return "EncodedPassword[hidden]";
		}

	}

	@Transactional
	public User create(UserProfile profile, EncodedPassword password, UUID actorId) {
		return create(profile, password, actorId, null);
	}

	/**
	 * A user an import brings in, keeping the import and the old system's id.
	 * @param origin the import, or {@code null}
	 */
	@Transactional
	public User create(UserProfile profile, EncodedPassword password, UUID actorId, ImportOrigin origin) {
		Map<String, String> errors = validate(null, profile);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into users (id, username, full_name, email, title, role, manager_id, team, region, active,
				  hired_on, provisioned_at, password_hash, password_changed_at, created_at, created_by, updated_at,
				  updated_by, version, integration_account, not_counted_reason, import_id, external_id)
				values (:id, :username, :fullName, :email, :title, :role, :managerId, :team, :region, true, :hiredOn,
				  :now, :hash, :now, :now, :actor, :now, :actor, 0, :integrationAccount, :notCountedReason, :importId,
				  :externalId)
				""")
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : origin.externalId())
			.param("id", id)
			.param("username", profile.username().trim().toLowerCase(Locale.ROOT))
			.param("fullName", profile.fullName().trim())
			.param("email", profile.email().trim())
			.param("title", blankToNull(profile.title()))
			.param("role", profile.role().name())
			.param("managerId", profile.managerId())
			.param("team", blankToNull(profile.team()))
			.param("region", blankToNull(profile.region()))
			.param("hiredOn", profile.hiredOn())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("hash", password.hash())
			.param("actor", actorId)
			.param("integrationAccount", profile.integrationAccount())
			.param("notCountedReason", blankToNull(profile.notCountedReason()))
			.update();
		User created = get(id);
		this.orgChart.forgetLookUps();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, actorId, now,
				diff(null, created).changes(), origin == null ? null : origin.importId()));
		return created;
	}

	@Transactional
	public User update(UUID id, long expectedVersion, UserProfile profile, UUID actorId) {
		return update(id, expectedVersion, profile, actorId, null);
	}

	/**
	 * @param importId the import that makes the change, or {@code null}
	 */
	@Transactional
	public User update(UUID id, long expectedVersion, UserProfile profile, UUID actorId, UUID importId) {
		User before = get(id);
		Map<String, String> errors = validate(id, profile);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (before.version() != expectedVersion) {
			throw new StaleRecordException(RECORD_TYPE, id, expectedVersion);
		}
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				update users set username = :username, full_name = :fullName, email = :email, title = :title,
				  role = :role, manager_id = :managerId, team = :team, region = :region, hired_on = :hiredOn,
				  integration_account = :integrationAccount, not_counted_reason = :notCountedReason,
				  updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", expectedVersion)
			.param("username", profile.username().trim().toLowerCase(Locale.ROOT))
			.param("fullName", profile.fullName().trim())
			.param("email", profile.email().trim())
			.param("title", blankToNull(profile.title()))
			.param("role", profile.role().name())
			.param("managerId", profile.managerId())
			.param("team", blankToNull(profile.team()))
			.param("region", blankToNull(profile.region()))
			.param("hiredOn", profile.hiredOn())
			.param("integrationAccount", profile.integrationAccount())
			.param("notCountedReason", blankToNull(profile.notCountedReason()))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", actorId)
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, expectedVersion);
		}
		User after = get(id);
		List<FieldChange> changes = diff(before, after).changes();
		if (before.role() != after.role() || !before.username().equals(after.username())) {
			this.sessions.endAllOf(before.username());
		}
		this.orgChart.forgetLookUps();
		this.events
			.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, actorId, now, changes, importId));
		return after;
	}

	/**
	 * Deactivates a user: they can no longer sign in or use their tokens, and their open
	 * sessions end. Their records and history stay.
	 */
	@Transactional
	public User deactivate(UUID id, UUID actorId) {
		User user = get(id);
		if (id.equals(actorId)) {
			throw new InvalidInputException("active", "You can't deactivate yourself.");
		}
		if (user.role() == Role.ADMIN && user.active() && countActiveAdmins() <= 1) {
			throw new InvalidInputException("active",
					"This is the last active administrator; make someone else an " + "administrator first.");
		}
		return setActive(user, false, actorId);
	}

	@Transactional
	public User reactivate(UUID id, UUID actorId) {
		return setActive(get(id), true, actorId);
	}

	private User setActive(User user, boolean active, UUID actorId) {
		if (user.active() == active) {
			return user;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update users set active = :active, deactivated_at = :deactivatedAt, failed_logins = 0,
				  locked_until = null, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id
				""")
			.param("id", user.id())
			.param("active", active)
			.param("deactivatedAt", active ? null : OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", actorId)
			.update();
		if (!active) {
			this.sessions.endAllOf(user.username());
		}
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, user.id(), ChangeKind.UPDATED, actorId, now,
				List.of(new FieldChange("active", String.valueOf(!active), String.valueOf(active)))));
		return get(user.id());
	}

	/**
	 * An administrator sets a new password for a user (who signs in with it and should
	 * change it).
	 */
	@Transactional
	public void resetPassword(UUID id, String newPassword, UUID actorId) {
		User user = get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		checkNewPassword("newPassword", newPassword, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		writePassword(user.id(), newPassword, actorId);
		this.sessions.endAllOf(user.username());
	}

	/**
	 * A user changes their own password, proving they know the current one. Their other
	 * sessions end (someone who knew the old password may be signed in elsewhere); the
	 * one they are using stays.
	 * @param keptSessionId the session the change is made in, or {@code null} (then every
	 * session of the user ends)
	 */
	@Transactional
	public void changeOwnPassword(UUID id, String currentPassword, String newPassword, String keptSessionId) {
		String hash = this.jdbc.sql("select password_hash from users where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "That is not your current password.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		checkNewPassword("newPassword", newPassword, errors);
		if (errors.isEmpty() && this.passwordEncoder.matches(newPassword, hash)) {
			errors.put("newPassword", "Choose a password different from the current one.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		writePassword(id, newPassword, id);
		this.jdbc.sql("select username from users where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.ifPresent(username -> this.sessions.endAllOfExcept(username, keptSessionId));
	}

	private void writePassword(UUID id, String newPassword, UUID actorId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update users set password_hash = :hash, password_changed_at = :now, failed_logins = 0,
				  locked_until = null, updated_at = :now, updated_by = :actor
				where id = :id
				""")
			.param("id", id)
			.param("hash", this.passwordEncoder.encode(newPassword))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", actorId)
			.update();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, actorId, now,
				List.of(new FieldChange("password", null, "changed"))));
	}

	private static void checkNewPassword(String field, String password, Map<String, String> errors) {
		if (!StringUtils.hasText(password)) {
			errors.put(field, "Enter a password.");
		}
		else if (password.length() < MIN_PASSWORD_LENGTH) {
			errors.put(field, "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		else if (password.length() > 200) {
			errors.put(field, "Keep the password to 200 characters.");
		}
	}

	private long countActiveAdmins() {
		return this.jdbc.sql("select count(*) from users where active and role = 'ADMIN'").query(Long.class).single();
	}

	private Map<String, String> validate(UUID id, UserProfile profile) {
		Map<String, String> errors = new LinkedHashMap<>();
		String username = profile.username() == null ? "" : profile.username().trim().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			errors.put("username",
					"Use 2 to 60 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.");
		}
		else if (findByUsername(username).filter(other -> !other.id().equals(id)).isPresent()) {
			errors.put("username", "The username '" + username + "' is already taken.");
		}
		if (!StringUtils.hasText(profile.fullName())) {
			errors.put("fullName", "Enter the person's name.");
		}
		else if (profile.fullName().trim().length() > 120) {
			errors.put("fullName", "Keep the name to 120 characters.");
		}
		String email = profile.email() == null ? "" : profile.email().trim();
		if (!EMAIL.matcher(email).matches() || email.length() > 254) {
			errors.put("email", "Enter an e-mail address such as name@example.com.");
		}
		else if (this.jdbc.sql("select count(*) from users where lower(email) = lower(:email) and id <> :id")
			.param("email", email)
			.param("id", id == null ? new UUID(0, 0) : id)
			.query(Long.class)
			.single() > 0) {
			errors.put("email", "Another user already has the e-mail address " + email + ".");
		}
		if (profile.role() == null) {
			errors.put("role", "Choose a role.");
		}
		if (profile.title() != null && profile.title().length() > 120) {
			errors.put("title", "Keep the title to 120 characters.");
		}
		if (profile.team() != null && profile.team().length() > 80) {
			errors.put("team", "Keep the team to 80 characters.");
		}
		if (profile.region() != null && profile.region().length() > 80) {
			errors.put("region", "Keep the region to 80 characters.");
		}
		if (profile.notCountedReason() != null && profile.notCountedReason().strip().length() > 200) {
			errors.put("notCountedReason", "Keep the reason to 200 characters.");
		}
		if (profile.managerId() != null) {
			Optional<User> manager = find(profile.managerId());
			if (manager.isEmpty()) {
				errors.put("managerId", "There is no user with id " + profile.managerId() + ".");
			}
			else if (!manager.get().active()) {
				errors.put("managerId", manager.get().fullName() + " is deactivated and can't manage anyone.");
			}
			else if (id != null && (id.equals(profile.managerId()) || this.orgChart.isAbove(id, profile.managerId()))) {
				errors.put("managerId", manager.get().fullName()
						+ " reports to this user, directly or not; a manager chain can't go round in a circle.");
			}
		}
		if (profile.hiredOn() != null && profile.hiredOn().isAfter(LocalDate.now(this.clock).plusYears(1))) {
			errors.put("hiredOn", "The hire date is more than a year ahead.");
		}
		return errors;
	}

	private static FieldChange.Diff diff(User before, User after) {
		return new FieldChange.Diff().compare("username", before == null ? null : before.username(), after.username())
			.compare("fullName", before == null ? null : before.fullName(), after.fullName())
			.compare("email", before == null ? null : before.email(), after.email())
			.compare("title", before == null ? null : before.title(), after.title())
			.compare("role", before == null ? null : before.role(), after.role())
			.compare("managerId", before == null ? null : before.managerId(), after.managerId())
			.compare("team", before == null ? null : before.team(), after.team())
			.compare("region", before == null ? null : before.region(), after.region())
			.compare("hiredOn", before == null ? null : before.hiredOn(), after.hiredOn())
			.compare("integrationAccount", before == null ? null : before.integrationAccount(),
					after.integrationAccount())
			.compare("notCountedReason", before == null ? null : before.notCountedReason(), after.notCountedReason());
	}

	static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
				rs.getString("email"), rs.getString("title"), Role.valueOf(rs.getString("role")),
				rs.getObject("manager_id", UUID.class), rs.getString("manager_name"), rs.getString("team"),
				rs.getString("region"), rs.getBoolean("active"), rs.getObject("hired_on", LocalDate.class),
				instant(rs, "provisioned_at"), instant(rs, "deactivated_at"), instant(rs, "last_login_at"),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"),
				rs.getBoolean("integration_account"), rs.getString("not_counted_reason"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
