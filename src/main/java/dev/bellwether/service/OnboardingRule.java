package dev.bellwether.service;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * When a won deal opens an onboarding case, and what case (table
 * {@code onboarding_rules}).
 *
 * @param minimumAmount the deal's amount must be at least this; {@code null} for any
 * @param productId the deal must have a line item of this product; {@code null} for any
 * @param subjectTemplate the case's subject, {@code {deal}} and {@code {account}}
 * replaced by the deal's and the account's names
 */
public record OnboardingRule(UUID id, String name, int position, boolean enabled, BigDecimal minimumAmount,
		UUID productId, UUID queueId, CasePriority priority, String subjectTemplate, long version) {

}
