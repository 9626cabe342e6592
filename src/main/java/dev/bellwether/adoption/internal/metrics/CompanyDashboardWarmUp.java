package dev.bellwether.adoption.internal.metrics;

import java.time.Duration;
import java.time.LocalDate;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.UsageHeatmap;
import dev.bellwether.platform.FiscalCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the company dashboard's figures for today computed, by the same calls as the page
 * ({@code /adoption}), so that the first executive of the day (or after a restart, or
 * after an hour nobody looked) does not wait seconds for them at company scale. Each run
 * costs nothing while they are fresh; otherwise they are computed again in the
 * background. Every {@code bellwether.adoption.figures.warm-every} (5 minutes by
 * default), on every node and without a lock: it fills this node's {@link FiguresCache}
 * and only reads. Nothing to do when figures are not kept
 * ({@code bellwether.adoption.figures.max-age} of 0).
 */
@Service
public class CompanyDashboardWarmUp {

	/** Weeks of the dashboard's heat map. */
	public static final int HEATMAP_WEEKS = 13;

	/** People on a page of the dashboard's heat map. */
	public static final int HEATMAP_PEOPLE = 40;

	/** Movers shown each way. */
	public static final int MOVERS = 5;

	/** The deal freshness window of the dashboard, in days. */
	public static final int FRESH_DAYS = 30;

	private final AdoptionMetrics metrics;

	private final UsageHeatmap heatmap;

	private final FiscalCalendar calendar;

	private final boolean figuresKept;

	CompanyDashboardWarmUp(AdoptionMetrics metrics, UsageHeatmap heatmap, FiscalCalendar calendar,
			@Value("${bellwether.adoption.figures.max-age:1m}") Duration figuresMaxAge) {
		this.metrics = metrics;
		this.heatmap = heatmap;
		this.calendar = calendar;
		this.figuresKept = !figuresMaxAge.isNegative() && !figuresMaxAge.isZero();
	}

	@Scheduled(initialDelayString = "${bellwether.adoption.figures.warm-every:5m}",
			fixedDelayString = "${bellwether.adoption.figures.warm-every:5m}")
	public void keepTheCompanyDashboardComputed() {
		if (!this.figuresKept) {
			return;
		}
		AdoptionScope everyone = AdoptionScope.everyone();
		LocalDate today = this.metrics.today();
		this.metrics.headline(everyone, today, false);
		this.metrics.trend(everyone, today, false);
		this.metrics.cascade(everyone, today, false);
		this.metrics.movers(everyone, today, MOVERS);
		this.metrics.freshness(everyone, FRESH_DAYS);
		this.metrics.lateEntry(everyone, this.calendar.quarterOf(today).start(), today);
		this.heatmap.of(everyone, today, HEATMAP_WEEKS, 0, HEATMAP_PEOPLE);
	}

}
