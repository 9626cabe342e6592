package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money spent on a case ({@link CaseExpenses}), in the company currency.
 *
 * @param createdBy who added it (the agent it counts for in the cost report)
 */
public record CaseExpense(UUID id, UUID caseId, LocalDate date, BigDecimal amount, String currency, String description,
		ExpenseCategory category, UUID createdBy, Instant createdAt, long version) {

}
