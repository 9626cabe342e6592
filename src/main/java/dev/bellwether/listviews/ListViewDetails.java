package dev.bellwether.listviews;

import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.listview.ViewSettings;

/**
 * What a person says about a view when saving it.
 *
 * @param sharedRole the role it is shared with, for {@link Sharing#ROLE}
 * @param sharedTeamId the team's manager, for {@link Sharing#TEAM}
 */
public record ListViewDetails(String name, ViewSettings settings, Sharing sharing, Role sharedRole, UUID sharedTeamId) {

	public static ListViewDetails personal(String name, ViewSettings settings) {
		return new ListViewDetails(name, settings, Sharing.PERSONAL, null, null);
	}

}
