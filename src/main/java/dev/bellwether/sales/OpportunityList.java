package dev.bellwether.sales;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.bellwether.platform.listview.FilterType;
import dev.bellwether.platform.listview.ListColumn;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListFilter;
import dev.bellwether.platform.listview.StandardView;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.platform.listview.ViewSettings.Column;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deal list as saved views see it: its filters (the URL parameters of
 * {@code /opportunities}), columns and standard views.
 */
@Configuration(proxyBeanMethods = false)
class OpportunityList {

	/**
	 * The standard view the bare deal list opens for someone without a default of their
	 * own.
	 */
	static final String OPENING_VIEW = "open-deals-from-today";

	@Bean
	ListDefinition opportunityListDefinition() {
		Map<String, String> open = Map.of("status", "open");
		return new ListDefinition(OpportunityAccess.RECORD_TYPE, "Deals", "/opportunities",
				List.of(ListFilter.of("q", "Search", FilterType.TEXT),
						ListFilter.of("accountId", "Account", FilterType.ID),
						ListFilter.of("owner", "Owner", FilterType.ID), ListFilter.of("team", "Team", FilterType.ID),
						ListFilter.of("stage", "Stage", FilterType.ID),
						ListFilter.choice("category", "Forecast category",
								Arrays.stream(ForecastCategory.values()).map(Enum::name).toList()),
						ListFilter.choice("forecast", "Forecast figure",
								Arrays.stream(ForecastTotal.values()).map(Enum::name).toList()),
						ListFilter.of("closeFrom", "Closing from", FilterType.DATE),
						ListFilter.of("closeTo", "Closing to", FilterType.DATE),
						ListFilter.choice("status", "Open or closed", List.of("open", "closed")),
						ListFilter.of("stale", "Stale only", FilterType.BOOLEAN),
						ListFilter.of("overdue", "Overdue only", FilterType.BOOLEAN)),
				List.of(ListColumn.sortable("name", "Deal"), ListColumn.of("account", "Account"),
						ListColumn.sortable("stage", "Stage"), ListColumn.sortable("amount", "Amount"),
						ListColumn.sortable("closeDate", "Close date"),
						ListColumn.sortable("probability", "Probability"),
						ListColumn.of("forecastCategory", "Forecast"), ListColumn.of("nextStep", "Next step"),
						ListColumn.of("owner", "Owner"), ListColumn.sortable("lastTouchedAt", "Last touched"),
						ListColumn.sortable("createdAt", "Created")),
				new ViewSettings(Map.of(),
						columns("name", "account", "stage", "amount", "closeDate", "owner", "lastTouchedAt"),
						"closeDate,asc", 25),
				List.of(new StandardView("my-open-deals", "My open deals",
						new ViewSettings(Map.of("owner", "me", "status", "open"), List.of(), "closeDate,asc", null)),
						new StandardView("closing-this-quarter", "Closing this quarter",
								new ViewSettings(Map.of("status", "open", "closeFrom", "quarter-start", "closeTo",
										"quarter-end"), List.of(), "closeDate,asc", null)),
						new StandardView("stale-deals", "Stale deals",
								new ViewSettings(Map.of("stale", "true"), List.of(), "lastTouchedAt,asc", null)),
						new StandardView("overdue-deals", "Overdue deals",
								new ViewSettings(Map.of("overdue", "true"), List.of(), "closeDate,asc", null)),
						new StandardView("all-open-deals", "All open deals",
								new ViewSettings(open, List.of(), "closeDate,asc", null)),
						// what the bare list opens (docs/list-views.md): open deals due
						// from today,
						// nearest first, read from opportunities_open_close_idx
						// (close_date, id)
						new StandardView(OPENING_VIEW, "Open deals from today", new ViewSettings(
								Map.of("status", "open", "closeFrom", "today"), List.of(), "closeDate,asc", null))),
				OPENING_VIEW);
	}

	private static List<Column> columns(String... names) {
		return Arrays.stream(names).map(Column::of).toList();
	}

}
