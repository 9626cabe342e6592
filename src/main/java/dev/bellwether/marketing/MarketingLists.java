package dev.bellwether.marketing;

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
 * The lead list as saved views see it: its filters (the URL parameters of
 * {@code /leads}), columns and standard views.
 */
@Configuration(proxyBeanMethods = false)
class MarketingLists {

	@Bean
	ListDefinition leadListDefinition() {
		return new ListDefinition(Leads.RECORD_TYPE, "Leads", "/leads", List.of(
				ListFilter.of("q", "Search", FilterType.TEXT), ListFilter.of("status", "Status", FilterType.TEXT),
				ListFilter.of("source", "Source", FilterType.TEXT),
				ListFilter.of("country", "Country", FilterType.TEXT), ListFilter.of("owner", "Owner", FilterType.ID)),
				List.of(ListColumn.sortable("name", "Name"), ListColumn.sortable("company", "Company"),
						ListColumn.of("title", "Title"), ListColumn.sortable("email", "E-mail"),
						ListColumn.of("phone", "Phone"), ListColumn.sortable("status", "Status"),
						ListColumn.sortable("source", "Source"), ListColumn.sortable("country", "Country"),
						ListColumn.of("owner", "Owner"), ListColumn.sortable("lastTouchedAt", "Last touched"),
						ListColumn.sortable("createdAt", "Created")),
				new ViewSettings(Map.of(),
						columns("name", "company", "status", "source", "owner", "lastTouchedAt", "createdAt"),
						"createdAt,desc", 25),
				List.of(new StandardView("my-open-leads", "My open leads",
						new ViewSettings(Map.of("owner", "me", "status", LeadFilter.OPEN), List.of(), "createdAt,desc",
								null)),
						new StandardView("new-leads", "New leads",
								new ViewSettings(Map.of("status", "NEW"), List.of(), "createdAt,desc", null)),
						new StandardView("qualified-leads", "Qualified leads", new ViewSettings(
								Map.of("status", "QUALIFIED"), List.of(), "lastTouchedAt,desc", null))));
	}

	private static List<Column> columns(String... names) {
		return Arrays.stream(names).map(Column::of).toList();
	}

}
