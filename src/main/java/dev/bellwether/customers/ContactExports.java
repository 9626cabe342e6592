package dev.bellwether.customers;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.export.ExportRow;
import dev.bellwether.platform.export.ExportableList;
import dev.bellwether.platform.export.RecordListExport;
import dev.bellwether.platform.listview.ListQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The contact list for exports: the contacts the person may see, filtered and sorted as
 * {@code /contacts} does it ({@link Contacts#list}), with the account and owner by name.
 */
@Component
class ContactExports extends RecordListExport {

	private final Contacts contacts;

	private final UserDirectory users;

	ContactExports(Contacts contacts, UserDirectory users) {
		super(Contacts.RECORD_TYPE, "contacts", "contacts", users::namesOf);
		this.contacts = contacts;
		this.users = users;
	}

	@Override
	public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
		ContactFilter filter = new ContactFilter(query.text("q"), query.id("account"), query.id("owner"));
		Page<Contact> page = this.contacts.list(Viewer.of(this.users.get(viewerId)), filter, custom, pageable);
		Map<UUID, String> owners = namesOf(page, Contact::ownerId, this.users::namesOf);
		return page.map(contact -> {
			Map<String, Object> cells = new HashMap<>();
			cells.put("name", contact.fullName());
			cells.put("title", contact.title());
			cells.put("account", contact.accountName());
			cells.put("email", contact.email());
			cells.put("phone", contact.phone());
			cells.put("owner", owners.get(contact.ownerId()));
			cells.put("lastTouchedAt", contact.lastTouchedAt());
			cells.put("createdAt", contact.createdAt());
			return new ExportRow(cells, contact.customFields());
		});
	}

	/**
	 * {@code /api/v1/contacts} names its filters {@code accountId} and {@code ownerId}.
	 */
	@Override
	public Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		return ExportableList.renamed(parameters, Map.of("accountId", "account", "ownerId", "owner"));
	}

}
