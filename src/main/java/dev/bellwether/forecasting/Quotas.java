package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Quotas: an amount of at least 0 per person and fiscal month, quarter or year, set by
 * the person's managers (at any depth), sales administrators and administrators — never
 * by the person for themself. Every change is kept (who, when, the amount before and
 * after). What is in effect where nothing is set explicitly is worked out by
 * {@link QuotaBook}.
 */
@Service
@Transactional(readOnly = true)
public class Quotas {

	public static final String RECORD_TYPE = "quota";

	/** How many fiscal years before or after this one a quota may be set for. */
	static final int YEARS_AROUND_TODAY = 10;

	private static final Set<Role> SET_ANYONES = EnumSet.of(Role.SALES_ADMIN, Role.ADMIN);

	private static final Set<Role> READ_ANYONES = EnumSet.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	/** The roles whose people get a row in the quota grid without a quota yet. */
	private static final Set<Role> CARRY_QUOTAS = EnumSet.of(Role.REP, Role.MANAGER, Role.EXECUTIVE);

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final OrgChart orgChart;

	private final FiscalCalendar calendar;

	private final Clock clock;

	Quotas(JdbcClient jdbc, UserDirectory users, OrgChart orgChart, FiscalCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.orgChart = orgChart;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * @return whether the viewer may set the person's quotas: not their own; a sales
	 * administrator's or administrator's anyone else's; otherwise only those of people
	 * below them
	 */
	public boolean canSet(Viewer viewer, UUID userId) {
		if (viewer.id().equals(userId)) {
			return false;
		}
		return SET_ANYONES.contains(viewer.role()) || this.orgChart.isAbove(viewer.id(), userId);
	}

	/**
	 * @return whether the viewer may see the person's quotas: their own, those of people
	 * below them, and — for executives, sales administrators and administrators —
	 * anyone's
	 */
	public boolean canRead(Viewer viewer, UUID userId) {
		return viewer.id().equals(userId) || READ_ANYONES.contains(viewer.role())
				|| this.orgChart.isAbove(viewer.id(), userId);
	}

	/**
	 * A period a quota may be set for or read: a fiscal month, quarter or year within
	 * {@value #YEARS_AROUND_TODAY} fiscal years of today's.
	 * @throws InvalidInputException for a malformed or absurd period
	 */
	public FiscalPeriod period(String code, String field) {
		FiscalPeriod period = this.calendar.period(code, field);
		int thisYear = this.calendar.current(FiscalPeriod.Kind.YEAR).fiscalYear();
		if (Math.abs(period.fiscalYear() - thisYear) > YEARS_AROUND_TODAY) {
			throw new InvalidInputException(field, "Quotas are set for FY%d to FY%d; %s is too far from today."
				.formatted(thisYear - YEARS_AROUND_TODAY, thisYear + YEARS_AROUND_TODAY, period.code()));
		}
		return period;
	}

	/**
	 * @throws InvalidInputException when there is no such user
	 * @throws ForbiddenException when the viewer may not see their quotas
	 */
	public QuotaView get(Viewer viewer, UUID userId, String periodCode) {
		FiscalPeriod period = period(periodCode, "period");
		User user = existing(userId);
		requireRead(viewer, user);
		OrgTree tree = new OrgTree(this.users.people());
		List<Person> organisation = tree.organisationOf(userId);
		QuotaBook book = book(organisation.stream().map(Person::id).toList(), period, tree);
		return new QuotaView(userId, user.fullName(), period.code(),
				find(userId, period.code(), QuotaKind.PERSONAL).orElse(null),
				find(userId, period.code(), QuotaKind.TEAM).orElse(null), book.personal(userId, period),
				book.team(userId, period), canSet(viewer, userId));
	}

	/**
	 * Sets, changes or clears a person's quota for a period, keeping the change.
	 * @param amount the new amount, at least 0 with at most 2 decimals; {@code null} to
	 * clear it (a team quota then is the sum of its members' again)
	 * @param expectedVersion the version read, or {@code null} to overwrite whatever is
	 * set
	 * @return the quota now set, or nothing when cleared
	 * @throws ForbiddenException when the viewer may not set the person's quotas
	 * @throws StaleRecordException when the quota changed since it was read
	 */
	@Transactional
	public Optional<Quota> set(Viewer viewer, UUID userId, String periodCode, QuotaKind kind, BigDecimal amount,
			Long expectedVersion) {
		FiscalPeriod period = period(periodCode, "period");
		if (kind == null) {
			throw new InvalidInputException("kind", "Say which quota: PERSONAL or TEAM.");
		}
		String error = amountError(amount);
		if (error != null) {
			throw new InvalidInputException("amount", error);
		}
		User user = existing(userId);
		requireSet(viewer, user);
		return write(viewer, userId, period.code(), kind, amount, expectedVersion);
	}

	/**
	 * The quota grid of a manager's organisation for a fiscal year.
	 * @param by {@code QUARTER} or {@code MONTH}
	 */
	public QuotaGrid grid(Viewer viewer, UUID managerId, String yearCode, FiscalPeriod.Kind by) {
		FiscalPeriod year = (yearCode == null || yearCode.isBlank()) ? this.calendar.current(FiscalPeriod.Kind.YEAR)
				: period(yearCode, "year");
		if (year.kind() != FiscalPeriod.Kind.YEAR) {
			throw new InvalidInputException("year", "The grid is for a fiscal year, written FY2026.");
		}
		FiscalPeriod.Kind columnKind = by == FiscalPeriod.Kind.MONTH ? by : FiscalPeriod.Kind.QUARTER;
		User manager = existing(managerId);
		requireRead(viewer, manager);
		OrgTree tree = new OrgTree(this.users.people());
		List<Person> organisation = tree.organisationOf(managerId);
		QuotaBook book = book(organisation.stream().map(Person::id).toList(), year, tree);
		List<FiscalPeriod> columns = this.calendar.parts(year, columnKind);
		Map<String, Long> versions = versions(organisation.stream().map(Person::id).toList(),
				columns.stream().map(FiscalPeriod::code).toList());
		List<QuotaGrid.Row> rows = new ArrayList<>();
		for (Person person : organisation) {
			List<QuotaGrid.Cell> cells = new ArrayList<>();
			boolean anySet = false;
			for (FiscalPeriod column : columns) {
				BigDecimal amount = book.explicit(person.id(), column, QuotaKind.PERSONAL);
				anySet |= amount != null;
				cells.add(new QuotaGrid.Cell(column, amount,
						versions.getOrDefault(cellKey(person.id(), column.code()), 0L)));
			}
			boolean carries = person.active() && !person.integrationAccount() && CARRY_QUOTAS.contains(person.role());
			if (!carries && !anySet && !person.id().equals(managerId)) {
				continue;
			}
			boolean editable = canSet(viewer, person.id());
			String reason = editable ? null : viewer.id().equals(person.id())
					? "You can't set your own quota: your manager, a sales administrator or an administrator sets it."
					: "Only " + person.fullName() + "'s managers, sales administrators and administrators set it.";
			rows.add(new QuotaGrid.Row(person, tree.depthBelow(managerId, person.id()), editable, reason, cells,
					book.personal(person.id(), year)));
		}
		List<BigDecimal> team = columns.stream().map(column -> book.team(managerId, column)).toList();
		return new QuotaGrid(tree.person(managerId), year, columnKind, columns, rows, team, book.team(managerId, year));
	}

	/**
	 * Saves cells of the quota grid, all or none.
	 * @throws InvalidInputException naming each refused cell ({@link #cellKey}) with why
	 */
	@Transactional
	public int save(Viewer viewer, List<QuotaEntry> entries) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Runnable> writes = new ArrayList<>();
		for (QuotaEntry entry : entries) {
			String key = cellKey(entry.userId(), entry.period());
			try {
				FiscalPeriod period = period(entry.period(), key);
				BigDecimal amount = parseAmount(entry.amount());
				String error = amountError(amount);
				if (error != null) {
					errors.put(key, error);
					continue;
				}
				User user = existing(entry.userId());
				if (!canSet(viewer, user.id())) {
					errors.put(key, refusal(viewer, user));
					continue;
				}
				Optional<Quota> stored = find(user.id(), period.code(), QuotaKind.PERSONAL);
				BigDecimal storedAmount = stored.map(Quota::amount).orElse(null);
				if (storedAmount == null ? amount == null : amount != null && storedAmount.compareTo(amount) == 0) {
					continue; // unchanged
				}
				if (stored.map(Quota::version).orElse(0L) != entry.version()) {
					errors.put(key, "Someone changed this quota meanwhile: reload the grid to see it.");
					continue;
				}
				writes.add(() -> write(viewer, user.id(), period.code(), QuotaKind.PERSONAL, amount, null));
			}
			catch (InvalidInputException ex) {
				errors.put(key, String.join(" ", ex.fieldErrors().values()));
			}
			catch (NumberFormatException ex) {
				errors.put(key, "\"" + abbreviate(entry.amount()) + "\" is not an amount.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		writes.forEach(Runnable::run);
		return writes.size();
	}

	/**
	 * @return the changes of a person's quotas, newest first
	 */
	public List<QuotaChange> changes(Viewer viewer, UUID userId) {
		requireRead(viewer, existing(userId));
		return this.jdbc.sql("""
				select user_id, period_code, kind, old_amount, new_amount, changed_by, changed_at
				from forecast_quota_changes where user_id = :userId order by changed_at desc, id desc
				""")
			.param("userId", userId)
			.query((rs, n) -> new QuotaChange(rs.getObject("user_id", UUID.class), rs.getString("period_code"),
					QuotaKind.valueOf(rs.getString("kind")), rs.getBigDecimal("old_amount"),
					rs.getBigDecimal("new_amount"), rs.getObject("changed_by", UUID.class), instant(rs, "changed_at")))
			.list();
	}

	/**
	 * The quotas of some people for a period and its parts, for the forecast.
	 */
	QuotaBook book(Collection<UUID> userIds, FiscalPeriod period, OrgTree tree) {
		if (userIds.isEmpty()) {
			return new QuotaBook(List.of(), this.calendar, tree);
		}
		List<Quota> quotas = this.jdbc.sql("""
				select user_id, period_code, kind, amount, version, updated_at, updated_by from forecast_quotas
				where user_id in (:users) and period_code in (:codes)
				""")
			.param("users", List.copyOf(userIds))
			.param("codes", List.copyOf(QuotaBook.codesFor(period, this.calendar)))
			.query((rs, n) -> quota(rs))
			.list();
		return new QuotaBook(quotas, this.calendar, tree);
	}

	/**
	 * The name of a grid cell in errors: {@code q-<userId>-<period>}.
	 */
	public static String cellKey(UUID userId, String period) {
		return "q-" + userId + "-" + period;
	}

	/**
	 * Reads an amount as typed or pasted from a spreadsheet: thousands separators, spaces
	 * and a currency sign are ignored; blank is none.
	 * @throws NumberFormatException when it is no number
	 */
	static BigDecimal parseAmount(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = text.strip().replaceAll("[\\s,'\u00a0$€£]", "");
		if (!cleaned.matches("-?\\d+(\\.\\d+)?")) {
			throw new NumberFormatException(text);
		}
		return new BigDecimal(cleaned);
	}

	private static String amountError(BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		if (amount.signum() < 0) {
			return "A quota can't be negative.";
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			return "A quota has at most 2 decimals.";
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			return "A quota can have at most 17 digits before the decimal point.";
		}
		return null;
	}

	private Optional<Quota> write(Viewer viewer, UUID userId, String period, QuotaKind kind, BigDecimal amount,
			Long expectedVersion) {
		Optional<Quota> before = this.jdbc.sql("""
				select user_id, period_code, kind, amount, version, updated_at, updated_by from forecast_quotas
				where user_id = :userId and period_code = :period and kind = :kind for update
				""")
			.param("userId", userId)
			.param("period", period)
			.param("kind", kind.name())
			.query((rs, n) -> quota(rs))
			.optional();
		long current = before.map(Quota::version).orElse(0L);
		if (expectedVersion != null && expectedVersion != current) {
			throw new StaleRecordException(RECORD_TYPE, userId + " " + period + " " + kind, expectedVersion);
		}
		BigDecimal old = before.map(Quota::amount).orElse(null);
		if (old == null ? amount == null : amount != null && old.compareTo(amount) == 0) {
			return before;
		}
		Instant now = this.clock.instant();
		if (amount == null) {
			this.jdbc
				.sql("delete from forecast_quotas where user_id = :userId and period_code = :period and kind = :kind")
				.param("userId", userId)
				.param("period", period)
				.param("kind", kind.name())
				.update();
		}
		else if (before.isPresent()) {
			this.jdbc.sql("""
					update forecast_quotas set amount = :amount, updated_at = :now, updated_by = :actor,
					  version = version + 1
					where user_id = :userId and period_code = :period and kind = :kind
					""")
				.param("amount", amount)
				.param("now", utc(now))
				.param("actor", viewer.id())
				.param("userId", userId)
				.param("period", period)
				.param("kind", kind.name())
				.update();
		}
		else {
			int inserted = this.jdbc.sql("""
					insert into forecast_quotas (id, user_id, period_code, kind, amount, created_at, created_by,
					  updated_at, updated_by, version)
					values (:id, :userId, :period, :kind, :amount, :now, :actor, :now, :actor, 1)
					on conflict (user_id, period_code, kind) do nothing
					""")
				.param("id", Ids.newId())
				.param("userId", userId)
				.param("period", period)
				.param("kind", kind.name())
				.param("amount", amount)
				.param("now", utc(now))
				.param("actor", viewer.id())
				.update();
			if (inserted == 0) { // set by someone else since it was read
				throw new StaleRecordException(RECORD_TYPE, userId + " " + period + " " + kind, current);
			}
		}
		this.jdbc.sql("""
				insert into forecast_quota_changes (id, user_id, period_code, kind, old_amount, new_amount,
				  changed_by, changed_at)
				values (:id, :userId, :period, :kind, :old, :new, :actor, :now)
				""")
			.param("id", Ids.newId())
			.param("userId", userId)
			.param("period", period)
			.param("kind", kind.name())
			.param("old", old)
			.param("new", amount)
			.param("actor", viewer.id())
			.param("now", utc(now))
			.update();
		return find(userId, period, kind);
	}

	/**
	 * A period as {@link #period} reads it, or why it can't take a quota — for checking
	 * many rows (an import's) without an exception marking the caller's transaction for
	 * rollback.
	 * @return the period's code (e.g. {@code 2026-Q3}) or, when refused, the reason
	 */
	public PeriodCheck checkPeriod(String code) {
		try {
			return new PeriodCheck(period(code, "period").code(), null);
		}
		catch (InvalidInputException ex) {
			return new PeriodCheck(null, String.join(" ", ex.fieldErrors().values()));
		}
	}

	/** A period's code, or why it was refused. */
	public record PeriodCheck(String code, String refusal) {
	}

	/**
	 * @return the quota set for the person and period, if any (no visibility check: for
	 * an import, which sets quotas only where {@link #set} lets it)
	 * @throws InvalidInputException for a malformed or absurd period
	 */
	public Optional<Quota> current(UUID userId, String periodCode, QuotaKind kind) {
		return find(userId, period(periodCode, "period").code(), kind);
	}

	private Optional<Quota> find(UUID userId, String period, QuotaKind kind) {
		return this.jdbc.sql("""
				select user_id, period_code, kind, amount, version, updated_at, updated_by from forecast_quotas
				where user_id = :userId and period_code = :period and kind = :kind
				""")
			.param("userId", userId)
			.param("period", period)
			.param("kind", kind.name())
			.query((rs, n) -> quota(rs))
			.optional();
	}

	private Map<String, Long> versions(List<UUID> userIds, List<String> codes) {
		Map<String, Long> versions = new java.util.HashMap<>();
		if (userIds.isEmpty()) {
			return versions;
		}
		this.jdbc.sql("""
				select user_id, period_code, version from forecast_quotas
				where kind = 'PERSONAL' and user_id in (:users) and period_code in (:codes)
				""")
			.param("users", userIds)
			.param("codes", codes)
			.query((rs, n) -> versions.put(cellKey(rs.getObject("user_id", UUID.class), rs.getString("period_code")),
					rs.getLong("version")))
			.list();
		return versions;
	}

	private User existing(UUID userId) {
		if (userId == null) {
			throw new InvalidInputException("userId", "Say whose quota: userId.");
		}
		return this.users.find(userId)
			.orElseThrow(() -> new InvalidInputException("userId", "There is no user with id " + userId + "."));
	}

	private void requireRead(Viewer viewer, User user) {
		if (!canRead(viewer, user.id())) {
			throw new ForbiddenException(
					"You can see the quotas of yourself and the people below you, not " + user.fullName() + "'s.");
		}
	}

	private void requireSet(Viewer viewer, User user) {
		if (!canSet(viewer, user.id())) {
			throw new ForbiddenException("amount", refusal(viewer, user));
		}
	}

	private static String refusal(Viewer viewer, User user) {
		return viewer.id().equals(user.id())
				? "You can't set your own quota: your manager, a sales administrator or an administrator sets it."
				: "Only " + user.fullName()
						+ "'s managers, sales administrators and administrators can set their quota.";
	}

	private static String abbreviate(String text) {
		return text.length() > 30 ? text.substring(0, 30) + "…" : text;
	}

	private static Quota quota(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Quota(rs.getObject("user_id", UUID.class), rs.getString("period_code"),
				QuotaKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getLong("version"),
				instant(rs, "updated_at"), rs.getObject("updated_by", UUID.class));
	}

}
