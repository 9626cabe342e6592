package dev.bellwether.activities;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.OpportunityLink;

import org.springframework.stereotype.Component;

/**
 * What activities need to know about the records they hang off — an opportunity's account
 * and owner, and the names of linked records for lists — asked of the modules that own
 * them ({@link Opportunities}, {@link Accounts}, {@link Contacts}), one query per record
 * type for a whole page.
 */
@Component
class LinkedRecords {

	private final Accounts accounts;

	private final Contacts contacts;

	private final Opportunities opportunities;

	LinkedRecords(Accounts accounts, Contacts contacts, Opportunities opportunities) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.opportunities = opportunities;
	}

	/**
	 * @return the opportunity, if it exists and is not in the recycle bin (whoever asks:
	 * callers check it with {@link OpportunityAccess})
	 */
	Optional<OpportunityLink> deal(UUID id) {
		return this.opportunities.findLink(id);
	}

	/**
	 * Opportunities the viewer may see whose name contains the text, for the form's
	 * picker.
	 */
	List<OpportunityLink> findDeals(Viewer viewer, String text, UUID accountId, int limit) {
		return this.opportunities.findLinks(viewer, text, accountId, limit);
	}

	Map<UUID, String> accountNames(Collection<UUID> ids) {
		return this.accounts.namesOf(wanted(ids));
	}

	Map<UUID, String> contactNames(Collection<UUID> ids) {
		return this.contacts.namesOf(wanted(ids));
	}

	/**
	 * Names of the opportunities, without visibility checks: only for deals whose
	 * activities the viewer was allowed to load.
	 */
	Map<UUID, String> dealNames(Collection<UUID> ids) {
		return this.opportunities.namesOf(wanted(ids));
	}

	private static List<UUID> wanted(Collection<UUID> ids) {
		return ids.stream().filter(Objects::nonNull).distinct().toList();
	}

}
