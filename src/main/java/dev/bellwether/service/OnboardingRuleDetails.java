package dev.bellwether.service;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an administrator enters about an onboarding rule; see {@link OnboardingRule}.
 *
 * @param priority {@code null} means {@link CasePriority#NORMAL}
 * @param subjectTemplate blank means {@link OnboardingRules#DEFAULT_SUBJECT}
 */
public record OnboardingRuleDetails(String name, boolean enabled, BigDecimal minimumAmount, UUID productId,
		UUID queueId, CasePriority priority, String subjectTemplate) {

}
