package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A module whose records hold acts of executive sponsors that adoption cannot see in
 * usage (a message sent in their name, a meeting they chaired): declared as a bean, read
 * by {@link AdoptionSponsors#activity} and so by the sponsor-inactivity alert.
 */
public interface SponsorActivitySource {

	/**
	 * @param userIds the sponsors asked about
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return their acts on those days, in any order; several on a day are kept apart
	 */
	List<SponsorAct> acts(Collection<UUID> userIds, LocalDate from, LocalDate to);

}
