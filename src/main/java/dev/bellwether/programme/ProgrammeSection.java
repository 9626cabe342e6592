package dev.bellwether.programme;

import dev.bellwether.identity.Viewer;

/**
 * One part of the adoption programme as the Programme page ({@code /programme}) lists it:
 * each part (charter, waves, champions, communications, guidance, surveys, privacy)
 * declares one as a bean, so that the page grows with the programme without one template
 * knowing every part.
 */
public interface ProgrammeSection {

	/**
	 * @return where the section sits on the page: lower first
	 */
	int order();

	/**
	 * @return the section's title, e.g. "Rollout waves"
	 */
	String title();

	/**
	 * @return the path of the section's own page, e.g. {@code /programme/waves}
	 */
	String path();

	/**
	 * @return whether the viewer sees this section (programme leads see every section;
	 * others only what concerns them, like the charter)
	 */
	boolean visibleTo(Viewer viewer, boolean lead);

	/**
	 * @return one line of where this part stands for the viewer, from live data (e.g.
	 * "Wave 2 of 4 open, gate 1 of 3 met"); never a fixed text
	 */
	String summary(Viewer viewer);

}
