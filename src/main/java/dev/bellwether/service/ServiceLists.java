package dev.bellwether.service;

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
 * The case list as saved views see it: its filters (the URL parameters of
 * {@code /cases}), columns and standard views — the queue views of a service desk. The
 * drill-down filters (opened, resolved, age, SLA outcome) are those the service
 * overview's figures link with ({@link CaseFilter.Drill}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceLists {

	@Bean
	ListDefinition caseListDefinition() {
		return new ListDefinition(Cases.RECORD_TYPE, "Cases", "/cases", List.of(
				ListFilter.of("q", "Search", FilterType.TEXT), ListFilter.of("status", "Status", FilterType.TEXT),
				ListFilter.of("priority", "Priority", FilterType.TEXT), ListFilter.of("owner", "Owner", FilterType.ID),
				ListFilter.of("unassigned", "Unassigned", FilterType.BOOLEAN),
				ListFilter.of("queue", "Queue", FilterType.ID), ListFilter.of("account", "Account", FilterType.ID),
				// the service overview's drill-downs (CaseFilter.Drill)
				ListFilter.of("createdFrom", "Opened from", FilterType.DATE),
				ListFilter.of("createdTo", "Opened to", FilterType.DATE),
				ListFilter.of("resolvedFrom", "Resolved from", FilterType.DATE),
				ListFilter.of("resolvedTo", "Resolved to", FilterType.DATE),
				ListFilter.of("ageFrom", "Open at least (days)", FilterType.TEXT),
				ListFilter.of("ageTo", "Open less than (days)", FilterType.TEXT),
				ListFilter.choice("sla", "SLA target",
						Arrays.stream(CaseFilter.SlaOutcome.values()).map(CaseFilter.SlaOutcome::value).toList()),
				ListFilter.choice("slaMetric", "SLA target kind", List.of("first-response", "resolution")),
				ListFilter.of("slaFrom", "SLA decided from", FilterType.DATE),
				ListFilter.of("slaTo", "SLA decided to", FilterType.DATE)),
				List.of(ListColumn.sortable("number", "Case"), ListColumn.sortable("subject", "Subject"),
						ListColumn.sortable("status", "Status"), ListColumn.sortable("priority", "Priority"),
						ListColumn.of("account", "Account"), ListColumn.of("requester", "Requester"),
						ListColumn.of("owner", "Owner"), ListColumn.of("queue", "Queue"),
						ListColumn.sortable("channel", "Channel"),
						ListColumn.sortable("firstResponseAt", "First response"),
						ListColumn.sortable("updatedAt", "Updated"), ListColumn.sortable("resolvedAt", "Resolved"),
						ListColumn.sortable("createdAt", "Created")),
				new ViewSettings(Map.of(),
						columns("number", "subject", "status", "priority", "account", "owner", "updatedAt",
								"createdAt"),
						"createdAt,desc", 25),
				List.of(new StandardView("my-open-cases", "My open cases",
						new ViewSettings(Map.of("owner", "me", "status", CaseFilter.OPEN), List.of(), "priority,desc",
								null)),
						new StandardView("unassigned-cases", "Unassigned",
								new ViewSettings(Map.of("unassigned", "true", "status", CaseFilter.OPEN), List.of(),
										"priority,desc", null)),
						new StandardView("waiting-on-customer", "Waiting on customer",
								new ViewSettings(Map.of("status", CaseStatus.WAITING_ON_CUSTOMER.name()), List.of(),
										"updatedAt,asc", null)),
						new StandardView("recently-resolved", "Recently resolved",
								new ViewSettings(
										Map.of("status", CaseFilter.DONE), columns("number", "subject", "status",
												"priority", "account", "owner", "resolvedAt"),
										"resolvedAt,desc", null))));
	}

	private static List<Column> columns(String... names) {
		return Arrays.stream(names).map(Column::of).toList();
	}

}
