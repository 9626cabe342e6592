package dev.bellwether.service;

import java.math.BigDecimal;

/**
 * The cost of service over a period ({@link ServiceCosts#summary}), over the cases the
 * viewer may see.
 *
 * @param casesWithCost cases with time or an expense on a day of the period
 * @param resolvedCases cases resolved (now resolved or closed) in the period
 * @param totalCost time cost (time by its day, at the rate in force that day) plus
 * expenses (by their day), in {@code currency}
 * @param minutesLogged the minutes logged on days of the period
 * @param costPerResolvedCase total cost ÷ resolved cases; {@code null} when no case was
 * resolved
 */
public record CostSummary(long casesWithCost, long resolvedCases, BigDecimal totalCost, long minutesLogged,
		BigDecimal costPerResolvedCase, String currency) {

}
