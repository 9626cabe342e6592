package dev.bellwether.listviews;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinitions;
import dev.bellwether.platform.listview.ShownFilters;
import dev.bellwether.platform.listview.ViewSettings;

import org.springframework.stereotype.Component;

/**
 * A list's filters as its page shows them, opened the way the page opens it
 * ({@link ListViews#open}): the named view's filters with the address's own overriding
 * them.
 */
@Component
class ViewFilters implements ShownFilters {

	private final ListViews views;

	private final ListDefinitions lists;

	private final UserDirectory users;

	ViewFilters(ListViews views, ListDefinitions lists, UserDirectory users) {
		this.views = views;
		this.lists = lists;
		this.users = users;
	}

	@Override
	public Map<String, String> of(UUID viewerId, String recordType, Map<String, String> parameters) {
		ListDefinition list = this.lists.find(recordType).orElse(null);
		Map<String, String> shown = new LinkedHashMap<>();
		if (list == null) {
			parameters.forEach((name, value) -> {
				if (value != null && !value.isBlank()) {
					shown.put(name, value);
				}
			});
			return shown;
		}
		Map<String, String[]> address = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (list.filter(name).isPresent()) {
				address.put(name, new String[] { value == null ? "" : value });
			}
		});
		// without a view named, the list as it comes (not the viewer's default)
		String view = parameters.get("view");
		address.put("view", new String[] { view == null ? "" : view });
		Viewer viewer = Viewer.of(this.users.get(viewerId));
		shown.putAll(this.views.open(viewer, recordType, address, false).query().resolvedFilters());
		parameters.forEach((name, value) -> {
			if (list.filter(name).isEmpty() && !ViewSettings.RESERVED.contains(name) && value != null
					&& !value.isBlank()) {
				shown.putIfAbsent(name, value);
			}
		});
		return shown;
	}

}
