package dev.bellwether.activities;

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
 * The activity list as saved views see it: its filters (the URL parameters of
 * {@code /activities}), columns and standard views. Newest first, always.
 */
@Configuration(proxyBeanMethods = false)
class ActivityList {

	@Bean
	ListDefinition activityListDefinition() {
		return new ListDefinition("activity", "Activities", "/activities",
				List.of(ListFilter.of("q", "Search", FilterType.TEXT),
						ListFilter.choice("kind", "Kind",
								Arrays.stream(ActivityKind.values()).map(Enum::name).toList()),
						ListFilter.of("owner", "Owner", FilterType.ID),
						ListFilter.choice("status", "Task status",
								Arrays.stream(TaskStatus.values()).map(Enum::name).toList()),
						ListFilter.of("from", "From", FilterType.DATE), ListFilter.of("to", "To", FilterType.DATE),
						ListFilter.of("overdue", "Overdue tasks only", FilterType.BOOLEAN)),
				List.of(ListColumn.of("kind", "Kind"), ListColumn.of("subject", "Subject"),
						ListColumn.of("related", "Related to"), ListColumn.of("owner", "Owner"),
						ListColumn.of("when", "When"), ListColumn.of("priority", "Priority"),
						ListColumn.of("actions", "Actions")),
				new ViewSettings(Map.of(), columns("kind", "subject", "owner", "when", "actions"), null, 25),
				List.of(new StandardView("overdue-tasks", "Overdue tasks",
						new ViewSettings(Map.of("overdue", "true"), List.of(), null, null)),
						new StandardView("my-open-tasks", "My open tasks",
								new ViewSettings(Map.of("owner", "me", "kind", "TASK", "status", "OPEN"), List.of(),
										null, null)),
						new StandardView("my-activities", "My activities",
								new ViewSettings(Map.of("owner", "me"), List.of(), null, null))));
	}

	private static List<Column> columns(String... names) {
		return Arrays.stream(names).map(Column::of).toList();
	}

}
