package dev.bellwether.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Money spent on cases, in the company currency (the sales currency,
 * {@code bellwether.sales.currency}). Whoever may change a case adds expenses to it; the
 * person who added one removes it, against the version they read. Every change is
 * published as a change of the case's expenses (its history, and service use).
 */
@Service
@Transactional(readOnly = true)
public class CaseExpenses {

	public static final String RECORD_TYPE = "case expense";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseTime time;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String currency;

	CaseExpenses(JdbcClient jdbc, Cases cases, CaseTime time, InputValidation validation,
			ApplicationEventPublisher events, Clock clock, @Value("${bellwether.sales.currency:USD}") String currency) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.time = time;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.currency = currency;
	}

	/** The company currency every expense is in. */
	public String currency() {
		return this.currency;
	}

	/**
	 * The case's expenses, latest day first.
	 * @throws RecordNotFoundException when the viewer may not see the case
	 */
	public List<CaseExpense> list(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		return this.jdbc
			.sql("select * from case_expenses where case_id = :caseId order by expense_date desc, created_at desc, id")
			.param("caseId", caseId)
			.query(CaseExpenses::map)
			.list();
	}

	/**
	 * @throws InvalidInputException naming each wrong field (a missing or future day, an
	 * amount not above zero, no description or category)
	 * @throws ForbiddenException when the viewer may read but not change the case
	 */
	@Transactional
	public CaseExpense add(Viewer viewer, UUID caseId, ExpenseDetails details) {
		SupportCase supportCase = editable(viewer, caseId);
		Map<String, String> errors = this.validation.violations(details);
		if (details.date() != null && !errors.containsKey("date") && details.date().isAfter(this.time.today())) {
			errors.put("date", "The day can't be in the future: add an expense once it is spent.");
		}
		InputValidation.throwIfAny(errors);
		BigDecimal before = totalOf(caseId);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into case_expenses (id, case_id, expense_date, amount, currency, description, category,
				  created_at, created_by, updated_at, updated_by, version)
				values (:id, :caseId, :date, :amount, :currency, :description, :category, :now, :actor, :now, :actor, 0)
				""")
			.param("id", id)
			.param("caseId", supportCase.id())
			.param("date", details.date())
			.param("amount", details.amount())
			.param("currency", this.currency)
			.param("description", details.description().strip())
			.param("category", details.category().name())
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		publish(viewer, caseId, before, now);
		return this.jdbc.sql("select * from case_expenses where id = :id")
			.param("id", id)
			.query(CaseExpenses::map)
			.single();
	}

	/**
	 * Removes an expense the viewer added.
	 * @throws StaleRecordException when it changed since {@code expectedVersion}
	 */
	@Transactional
	public void delete(Viewer viewer, UUID caseId, UUID expenseId, long expectedVersion) {
		editable(viewer, caseId);
		CaseExpense expense = this.jdbc.sql("select * from case_expenses where id = :id and case_id = :caseId")
			.param("id", expenseId)
			.param("caseId", caseId)
			.query(CaseExpenses::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, expenseId));
		if (!viewer.id().equals(expense.createdBy())) {
			throw new ForbiddenException("Only the person who added this expense removes it.");
		}
		BigDecimal before = totalOf(caseId);
		int deleted = this.jdbc.sql("delete from case_expenses where id = :id and version = :version")
			.param("id", expenseId)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new StaleRecordException(RECORD_TYPE, expenseId, expectedVersion);
		}
		publish(viewer, caseId, before, this.clock.instant());
	}

	private SupportCase editable(Viewer viewer, UUID caseId) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		if (!this.cases.canEdit(viewer, supportCase)) {
			throw new ForbiddenException("You can't add expenses to case " + supportCase.reference()
					+ ": only its owner, the owner's managers, service users and administrators can.");
		}
		return supportCase;
	}

	private BigDecimal totalOf(UUID caseId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from case_expenses where case_id = :caseId")
			.param("caseId", caseId)
			.query(BigDecimal.class)
			.single();
	}

	private void publish(Viewer viewer, UUID caseId, BigDecimal before, Instant now) {
		List<FieldChange> changes = new FieldChange.Diff().compare("expenses", before, totalOf(caseId)).changes();
		if (!changes.isEmpty()) {
			this.events.publishEvent(
					new RecordChanged(Cases.RECORD_TYPE, caseId, ChangeKind.UPDATED, viewer.id(), now, changes));
		}
	}

	static CaseExpense map(ResultSet rs, int row) throws SQLException {
		return new CaseExpense(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("expense_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getString("description"), ExpenseCategory.valueOf(rs.getString("category")),
				rs.getObject("created_by", UUID.class), instant(rs, "created_at"), rs.getLong("version"));
	}

}
