package dev.bellwether.customers;

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
 * The account and contact lists as saved views see them: their filters (the URL
 * parameters of {@code /accounts} and {@code /contacts}), columns and standard views.
 */
@Configuration(proxyBeanMethods = false)
class CustomerLists {

	@Bean
	ListDefinition accountListDefinition() {
		return new ListDefinition("account", "Accounts", "/accounts", List.of(
				ListFilter.of("q", "Search", FilterType.TEXT), ListFilter.of("industry", "Industry", FilterType.TEXT),
				ListFilter.of("country", "Country", FilterType.TEXT), ListFilter.of("owner", "Owner", FilterType.ID)),
				List.of(ListColumn.sortable("name", "Name"), ListColumn.sortable("industry", "Industry"),
						ListColumn.sortable("city", "City"), ListColumn.sortable("country", "Country"),
						ListColumn.of("owner", "Owner"), ListColumn.of("phone", "Phone"),
						ListColumn.sortable("employees", "Employees"),
						ListColumn.sortable("annualRevenue", "Annual revenue"),
						ListColumn.sortable("lastTouchedAt", "Last touched"),
						ListColumn.sortable("createdAt", "Created")),
				new ViewSettings(Map.of(), columns("name", "industry", "city", "country", "owner", "lastTouchedAt"),
						"name,asc", 25),
				List.of(new StandardView("my-accounts", "My accounts",
						new ViewSettings(Map.of("owner", "me"), List.of(), "name,asc", null)),
						new StandardView("recently-touched-accounts", "Recently touched accounts",
								new ViewSettings(Map.of(), List.of(), "lastTouchedAt,desc", null))));
	}

	@Bean
	ListDefinition contactListDefinition() {
		return new ListDefinition("contact", "Contacts", "/contacts",
				List.of(ListFilter.of("q", "Search", FilterType.TEXT),
						ListFilter.of("account", "Account", FilterType.ID),
						ListFilter.of("owner", "Owner", FilterType.ID)),
				List.of(ListColumn.sortable("name", "Name"), ListColumn.sortable("title", "Title"),
						ListColumn.sortable("account", "Account"), ListColumn.sortable("email", "E-mail"),
						ListColumn.of("phone", "Phone"), ListColumn.of("owner", "Owner"),
						ListColumn.sortable("lastTouchedAt", "Last touched"),
						ListColumn.sortable("createdAt", "Created")),
				new ViewSettings(Map.of(), columns("name", "title", "account", "email", "owner", "lastTouchedAt"),
						"name,asc", 25),
				List.of(new StandardView("my-contacts", "My contacts",
						new ViewSettings(Map.of("owner", "me"), List.of(), "name,asc", null))));
	}

	static List<Column> columns(String... names) {
		return java.util.Arrays.stream(names).map(Column::of).toList();
	}

}
