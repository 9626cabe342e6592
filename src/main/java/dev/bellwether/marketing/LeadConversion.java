package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How a lead is converted: into which account (or the one its company matches, or a new
 * one), who owns what it becomes, and the deal to open (if any).
 *
 * @param leadVersion the version of the lead the user converts (a lead changed since is
 * not converted)
 * @param accountId an account the user chose, or {@code null} for the one the lead's
 * company matches, else a new one
 * @param ownerId who owns the account, contact and deal, or {@code null} for the lead's
 * owner (who must then be a sales person)
 * @param createOpportunity whether to open a deal
 * @param opportunityName the deal's name ({@code null}: the company's name and the
 * lead's)
 * @param stageId the deal's stage ({@code null}: the pipeline's first open stage)
 * @param amount the deal's amount, or {@code null}
 * @param closeDate the deal's expected close date (required for a deal)
 */
public record LeadConversion(long leadVersion, UUID accountId, UUID ownerId, boolean createOpportunity,
		String opportunityName, UUID stageId, BigDecimal amount, LocalDate closeDate) {
}
