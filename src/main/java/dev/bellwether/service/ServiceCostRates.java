package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * What an hour of each role's time costs, with its history: a rate applies from its
 * effective day until the next rate of the same role, so time logged on a day is costed
 * at the rate in force that day, and a new rate never changes the cost of earlier work.
 * Time logged by a role without a rate in force costs nothing and is reported as unrated.
 * Administrators keep the rates; everyone who works cases reads them.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCostRates {

	public static final String RECORD_TYPE = "cost rate";

	/**
	 * The SQL of the hourly rate in force for time entry {@code e} (a lateral join on
	 * {@code case_time_entries e}: the latest rate of the entry's role from on or before
	 * its day).
	 */
	static final String RATE_IN_FORCE = """
			left join (select r.role, r.hourly_rate, r.effective_from,
			    coalesce(lead(r.effective_from) over (partition by r.role order by r.effective_from),
			      date '9999-12-31') as until
			  from service_cost_rates r) rate
			  on rate.role = e.role and e.entry_date >= rate.effective_from and e.entry_date < rate.until""";

	private final JdbcClient jdbc;

	private final InputValidation validation;

	private final Clock clock;

	private final String currency;

	ServiceCostRates(JdbcClient jdbc, InputValidation validation, Clock clock,
			@Value("${bellwether.sales.currency:USD}") String currency) {
		this.jdbc = jdbc;
		this.validation = validation;
		this.clock = clock;
		this.currency = currency;
	}

	/** The company currency rates are in. */
	public String currency() {
		return this.currency;
	}

	/** Every rate, by role, the latest first. */
	public List<CostRate> all() {
		return this.jdbc.sql("select * from service_cost_rates order by role, effective_from desc")
			.query(ServiceCostRates::map)
			.list();
	}

	/** The role's rate in force on the day, if any. */
	public Optional<CostRate> inForce(Role role, LocalDate day) {
		return this.jdbc
			.sql("select * from service_cost_rates where role = :role and effective_from <= :day"
					+ " order by effective_from desc limit 1")
			.param("role", role.name())
			.param("day", day)
			.query(ServiceCostRates::map)
			.optional();
	}

	/**
	 * @throws ForbiddenException for anyone but an administrator
	 * @throws InvalidInputException naming each wrong field, and {@code effectiveFrom}
	 * when the role has a rate from that day already
	 */
	@Transactional
	public CostRate add(Viewer viewer, CostRateDetails details) {
		requireAdmin(viewer);
		Map<String, String> errors = this.validation.violations(details);
		if (errors.isEmpty() && inForce(details.role(), details.effectiveFrom())
			.filter(rate -> rate.effectiveFrom().equals(details.effectiveFrom()))
			.isPresent()) {
			errors.put("effectiveFrom", details.role().label()
					+ " has a rate from this day already: remove it first, or choose another day.");
		}
		InputValidation.throwIfAny(errors);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into service_cost_rates (id, role, hourly_rate, currency, effective_from, created_at, created_by,
				  updated_at, updated_by, version)
				values (:id, :role, :rate, :currency, :from, :now, :actor, :now, :actor, 0)
				""")
			.param("id", id)
			.param("role", details.role().name())
			.param("rate", details.hourlyRate())
			.param("currency", this.currency)
			.param("from", details.effectiveFrom())
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		return this.jdbc.sql("select * from service_cost_rates where id = :id")
			.param("id", id)
			.query(ServiceCostRates::map)
			.single();
	}

	/**
	 * Removes a rate: the time it costed falls back to the role's earlier rate.
	 * @throws StaleRecordException when it changed since {@code expectedVersion}
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id, long expectedVersion) {
		requireAdmin(viewer);
		boolean exists = this.jdbc.sql("select count(*) from service_cost_rates where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (this.jdbc.sql("delete from service_cost_rates where id = :id and version = :version")
			.param("id", id)
			.param("version", expectedVersion)
			.update() == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, expectedVersion);
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (viewer.role() != Role.ADMIN) {
			throw new ForbiddenException("Only administrators set cost rates.");
		}
	}

	static CostRate map(ResultSet rs, int row) throws SQLException {
		return new CostRate(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role")),
				rs.getBigDecimal("hourly_rate"), rs.getString("currency"),
				rs.getObject("effective_from", LocalDate.class), instant(rs, "created_at"), rs.getLong("version"));
	}

}
