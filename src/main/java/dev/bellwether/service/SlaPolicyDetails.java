package dev.bellwether.service;

import java.util.Map;
import java.util.UUID;

/**
 * What an administrator enters for an SLA policy; checked by {@link SlaPolicies}.
 *
 * @param accountTier {@code null}: any tier
 * @param warnPercentLeft {@code null}: 25
 * @param targets business minutes per priority; every priority needs both
 */
public record SlaPolicyDetails(String name, UUID calendarId, AccountTier accountTier, Boolean active,
		Integer warnPercentLeft, Map<CasePriority, TargetMinutes> targets) {

	/**
	 * A priority's targets in business minutes, as entered ({@code null}: missing).
	 */
	public record TargetMinutes(Integer firstResponse, Integer resolution) {
	}

}
