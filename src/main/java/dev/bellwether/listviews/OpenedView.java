package dev.bellwether.listviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.listview.ListColumn;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinition.ShownColumn;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.listview.ViewSettings;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list as one person opens it: the view chosen (from the URL, or their default), what
 * the URL changes of it, the columns to show, and what the page's view controls offer.
 *
 * @param list the list
 * @param view the view opened, or {@code null} for the list as it comes
 * @param settings the view with what the URL overrides
 * @param query the same, as typed values for the module's filter
 * @param views the views the person may pick
 * @param defaultViewId the person's default view of this list, or {@code null}
 * @param notices what could not be applied (a filter the list no longer has)
 * @param teams the teams the person may share with (lead's id to name)
 * @param canShareWithRoles whether the person may share with a role
 * @param byDefault whether the view is the person's default, opened on the bare list (its
 * address does not name it)
 */
public record OpenedView(ListDefinition list, ListView view, ViewSettings settings, ListQuery query,
		List<ListView> views, UUID defaultViewId, List<String> notices, Map<UUID, String> teams,
		boolean canShareWithRoles, UUID viewerId, boolean byDefault) {

	/**
	 * @return the list's address for sort and page links: the page's own, naming the view
	 * when the person's default was opened on the bare list (so that the next page is a
	 * page of the same view)
	 */
	public UriComponentsBuilder links(UriComponentsBuilder address) {
		return this.byDefault ? address.replaceQueryParam("view", this.view.id()) : address;
	}

	public List<ShownColumn> columns() {
		return this.list.shownColumns(this.settings);
	}

	/**
	 * @return whether the column is shown
	 */
	public boolean shows(String column) {
		return columns().stream().anyMatch(c -> c.name().equals(column));
	}

	/**
	 * @return every column of the list for the column chooser: those shown first, in
	 * their order and with their widths, then the others
	 */
	public List<ColumnChoice> columnChoices() {
		List<ColumnChoice> choices = new ArrayList<>();
		for (ShownColumn shown : columns()) {
			choices.add(new ColumnChoice(shown.column(), true, shown.width()));
		}
		for (ListColumn column : this.list.columns()) {
			if (!shows(column.name())) {
				choices.add(new ColumnChoice(column, false, null));
			}
		}
		return choices;
	}

	/**
	 * A column in the column chooser.
	 */
	public record ColumnChoice(ListColumn column, boolean shown, Integer width) {
	}

	/**
	 * @return whether the URL changes the view opened (a filter, the columns, the sort or
	 * the page size), so that "Update view" has something to save
	 */
	public boolean modified() {
		return this.view != null && !this.settings.equals(this.view.settings().withoutEmptyFilters());
	}

	/**
	 * @return whether the person may change the view opened
	 */
	public boolean canUpdate() {
		return this.view != null && this.view.isOwnedBy(this.viewerId);
	}

	/**
	 * @return whether the bare list opened the list's own opening view (the person has no
	 * default of their own)
	 */
	public boolean opening() {
		return this.byDefault && !isDefault();
	}

	public boolean isDefault() {
		return this.view != null && this.view.id().equals(this.defaultViewId);
	}

	/**
	 * @return the URL query of the list as shown, for "Save as…" and "Update view"
	 */
	public String settingsQuery() {
		return this.settings.toQuery();
	}

	/**
	 * @return the address of a view of this list
	 */
	public String link(ListView view) {
		return this.list.path() + "?view=" + view.id();
	}

	/**
	 * @return the roles a view may be shared with
	 */
	public dev.bellwether.identity.Role[] roles() {
		return dev.bellwether.identity.Role.values();
	}

	public List<ListView> standardViews() {
		return this.views.stream().filter(ListView::standard).toList();
	}

	public List<ListView> savedViews() {
		return this.views.stream().filter(v -> !v.standard()).toList();
	}

}
