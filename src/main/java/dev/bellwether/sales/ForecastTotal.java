package dev.bellwether.sales;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The forecast's cumulative figures as sets of forecast categories, so that a deal list
 * shows the deals behind each (a won deal forecasts as Closed and a lost one as Omitted,
 * so the categories alone say which deals count).
 */
public enum ForecastTotal {

	/** Closed + Commit. */
	COMMIT_FORECAST("Commit forecast (Closed + Commit)", EnumSet.of(ForecastCategory.CLOSED, ForecastCategory.COMMIT)),

	/** Closed + Commit + Best case. */
	BEST_CASE_FORECAST("Best case forecast (Closed + Commit + Best case)",
			EnumSet.of(ForecastCategory.CLOSED, ForecastCategory.COMMIT, ForecastCategory.BEST_CASE)),

	/** Pipeline + Best case + Commit: the open deals in the forecast. */
	OPEN_PIPELINE("Open pipeline (Commit + Best case + Pipeline)",
			EnumSet.of(ForecastCategory.COMMIT, ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE));

	private final String label;

	private final Set<ForecastCategory> categories;

	ForecastTotal(String label, Set<ForecastCategory> categories) {
		this.label = label;
		this.categories = categories;
	}

	public String label() {
		return this.label;
	}

	public Set<ForecastCategory> categories() {
		return EnumSet.copyOf(this.categories);
	}

	/**
	 * @return the categories' names, for a query's {@code in (…)}
	 */
	public List<String> categoryNames() {
		return this.categories.stream().map(Enum::name).toList();
	}

}
