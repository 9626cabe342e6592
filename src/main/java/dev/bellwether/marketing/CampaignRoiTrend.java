package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;

import org.springframework.stereotype.Service;

/**
 * Marketing's return over time, for the executive's and marketing's home pages: the
 * company's campaign totals for the fiscal year so far and for each of the last quarters,
 * each from {@link CampaignAttribution#report} over that period, so that every figure
 * here is the sum of the same report's rows (docs/marketing.md, <i>ROI trend</i>).
 */
@Service
public class CampaignRoiTrend {

	/** How many fiscal quarters the trend shows, the current one (so far) last. */
	public static final int QUARTERS = 6;

	private final CampaignAttribution attribution;

	private final FiscalCalendar calendar;

	CampaignRoiTrend(CampaignAttribution attribution, FiscalCalendar calendar) {
		this.attribution = attribution;
		this.calendar = calendar;
	}

	/**
	 * All campaigns' figures over one period, added up.
	 *
	 * @param label the period for people ("Q3 FY2026", "FY2026 so far")
	 * @param cost the cost lines dated in the period
	 * @param pipeline the attributed amounts of the deals created in the period with a
	 * campaign in their journey (the whole amount of each such deal, since the shares add
	 * up to it)
	 * @param wonRevenue the same for the deals won in the period
	 * @param sourcedRevenue the amounts of the deals won in the period whose first touch
	 * is a campaign
	 */
	public record Totals(String label, LocalDate from, LocalDate to, BigDecimal cost, BigDecimal pipeline,
			BigDecimal wonRevenue, BigDecimal sourcedRevenue, long leads) {

		/**
		 * (won revenue − cost) ÷ cost as a fraction, to four places; {@code null} when
		 * nothing was spent.
		 */
		public BigDecimal roi() {
			return this.cost.signum() == 0 ? null
					: this.wonRevenue.subtract(this.cost).divide(this.cost, 4, RoundingMode.HALF_EVEN);
		}

	}

	/**
	 * @param yearToDate the fiscal year from its first day to today
	 * @param quarters the last {@link #QUARTERS} fiscal quarters, oldest first, the
	 * current one up to today
	 */
	public record Trend(AttributionModel model, Totals yearToDate, List<Totals> quarters) {

	}

	/**
	 * @throws dev.bellwether.platform.ForbiddenException for a viewer who may not read
	 * the ROI report
	 */
	public Trend of(Viewer viewer, AttributionModel model) {
		this.attribution.requireReader(viewer);
		LocalDate today = this.calendar.today();
		FiscalCalendar.Period year = this.calendar.yearOf(today);
		Totals yearToDate = totals(viewer, model, year.start(), today, "FY" + fiscalYear(today) + " so far");
		List<Totals> quarters = new ArrayList<>();
		FiscalPeriod quarter = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		for (int i = 0; i < QUARTERS; i++) {
			LocalDate end = quarter.end().isAfter(today) ? today : quarter.end();
			quarters.add(totals(viewer, model, quarter.start(), end, quarter.label()));
			quarter = this.calendar.previous(quarter);
		}
		Collections.reverse(quarters);
		return new Trend(model, yearToDate, quarters);
	}

	private int fiscalYear(LocalDate day) {
		return this.calendar.periodOf(FiscalPeriod.Kind.YEAR, day).fiscalYear();
	}

	private Totals totals(Viewer viewer, AttributionModel model, LocalDate from, LocalDate to, String label) {
		RoiReport report = this.attribution.report(viewer, from, to, model);
		BigDecimal cost = BigDecimal.ZERO.setScale(2);
		BigDecimal pipeline = cost;
		BigDecimal won = cost;
		BigDecimal sourced = cost;
		long leads = 0;
		for (CampaignRoi row : report.campaigns()) {
			cost = cost.add(row.cost());
			pipeline = pipeline.add(row.pipeline());
			won = won.add(row.wonRevenue());
			sourced = sourced.add(row.sourcedRevenue());
			leads += row.leads();
		}
		return new Totals(label, from, to, cost, pipeline, won, sourced, leads);
	}

}
