package dev.bellwether.platform.listview;

import java.util.Map;
import java.util.UUID;

/**
 * The filters a list shows for the parameters of its address: those of the view the
 * address names ({@code view}), with the address's own overriding them (an empty one
 * clears the view's), {@code me} and relative days resolved for the viewer. What bulk
 * actions over "all N matching" select by, so that they change exactly the rows the list
 * counts. Implemented by the {@code listviews} module.
 */
public interface ShownFilters {

	/**
	 * @param parameters the list's address parameters (first value of each); without
	 * {@code view}, no view applies (not even the viewer's default)
	 * @return the list's filters as shown, plus the parameters the list does not know as
	 * a filter (a module's own, such as the task list's {@code due}), blank ones left out
	 * @throws dev.bellwether.platform.RecordNotFoundException when the view does not
	 * exist or is not shared with the viewer
	 * @throws dev.bellwether.platform.InvalidInputException for a value a filter does not
	 * take
	 */
	Map<String, String> of(UUID viewerId, String recordType, Map<String, String> parameters);

}
