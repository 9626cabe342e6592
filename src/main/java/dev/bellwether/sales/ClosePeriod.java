package dev.bellwether.sales;

import dev.bellwether.platform.FiscalCalendar;

/**
 * The close dates a board or a report looks at.
 */
public enum ClosePeriod {

	/**
	 * Every open deal, and the deals closed in the last
	 * {@link PipelineBoard#RECENTLY_CLOSED_DAYS} days.
	 */
	ALL("All open deals"),

	THIS_MONTH("Closing this month"),

	THIS_QUARTER("Closing this quarter"),

	NEXT_QUARTER("Closing next quarter"),

	THIS_YEAR("Closing this fiscal year");

	private final String label;

	ClosePeriod(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return the close dates in the period, or {@code null} for {@link #ALL}
	 */
	public FiscalCalendar.Period range(FiscalCalendar calendar) {
		return switch (this) {
			case ALL -> null;
			case THIS_MONTH -> calendar.thisMonth();
			case THIS_QUARTER -> calendar.thisQuarter();
			case NEXT_QUARTER -> calendar.thisQuarter().next();
			case THIS_YEAR -> calendar.yearOf(calendar.today());
		};
	}

}
