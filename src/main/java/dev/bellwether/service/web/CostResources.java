package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.service.CaseCost;
import dev.bellwether.service.CaseTimeEntry;
import dev.bellwether.service.CostFigures;
import dev.bellwether.service.CostReport;
import dev.bellwether.service.CostRow;
import dev.bellwether.service.MonthCost;
import dev.bellwether.service.ServiceCosts;
import dev.bellwether.service.TimeSource;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The cost of service as the API answers it: the figures spelled out (time cost, total,
 * cost per resolved case) beside the counts they are computed from.
 */
final class CostResources {

	private CostResources() {
	}

	/**
	 * A time entry.
	 *
	 * @param minutes {@code null} while the timer runs
	 */
	record TimeEntryResource(UUID id, UUID caseId, UUID userId, Role role, LocalDate date, Integer minutes, String note,
			TimeSource source, Instant startedAt, boolean running, Instant createdAt, long version) {

		static TimeEntryResource of(CaseTimeEntry entry) {
			return new TimeEntryResource(entry.id(), entry.caseId(), entry.userId(), entry.role(), entry.date(),
					entry.minutes(), entry.note(), entry.source(), entry.startedAt(), entry.running(),
					entry.createdAt(), entry.version());
		}

	}

	@Schema(description = "timeCost = Σ minutes × the hourly rate of the logger's role in force on the entry's day "
			+ "÷ 60; totalCost = timeCost + expenses; costPerResolvedCase = totalCost ÷ resolvedCases (absent "
			+ "without one); unratedMinutes were logged without a rate in force and cost nothing.")
	record FiguresResource(long minutes, BigDecimal timeCost, BigDecimal expenses, BigDecimal totalCost,
			long unratedMinutes, long casesWithCost, long resolvedCases, BigDecimal costPerResolvedCase) {

		static FiguresResource of(CostFigures figures) {
			return new FiguresResource(figures.minutes(), figures.timeCost(), figures.expenses(), figures.totalCost(),
					figures.unratedMinutes(), figures.casesWithCost(), figures.resolvedCases(),
					figures.costPerResolvedCase());
		}

	}

	record CaseCostResource(FiguresResource figures, String currency) {

		static CaseCostResource of(CaseCost cost) {
			return new CaseCostResource(FiguresResource.of(cost.figures()), cost.currency());
		}

	}

	/**
	 * @param revenue by account: its won amount in the period; absent otherwise
	 * @param costShareOfRevenue by account: total cost ÷ revenue × 100; absent without
	 * revenue
	 */
	record RowResource(UUID id, YearMonth month, String name, FiguresResource figures, BigDecimal revenue,
			BigDecimal costShareOfRevenue) {

		static RowResource of(CostRow row) {
			return new RowResource(row.id(), row.month(), row.name(), FiguresResource.of(row.figures()), row.revenue(),
					row.costShareOfRevenue());
		}

	}

	record ReportResource(LocalDate from, LocalDate to, ServiceCosts.Grouping by, String currency,
			FiguresResource total, List<RowResource> rows, List<MonthCost> trend) {

		static ReportResource of(CostReport report) {
			return new ReportResource(report.from(), report.to(), report.by(), report.currency(),
					FiguresResource.of(report.total()), report.rows().stream().map(RowResource::of).toList(),
					report.trend());
		}

	}

}
