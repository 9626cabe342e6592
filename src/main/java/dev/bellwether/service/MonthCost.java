package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month's cost of service ({@link ServiceCosts#byMonth}): the cost of the time and
 * expenses of its days, and the cases resolved in it.
 */
public record MonthCost(YearMonth month, BigDecimal cost, long resolvedCases) {

}
