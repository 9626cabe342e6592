package dev.bellwether.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.edit.VersionedRecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Contacts for inline edit and bulk changes, each change a save through
 * {@link Contacts#update} (its rules, rights and field history).
 */
@Component
class ContactEditing extends VersionedRecordEditing<Viewer, Contact, ContactDetails> {

	private final Contacts contacts;

	ContactEditing(Contacts contacts, UserDirectory users, CustomFields customFields) {
		super(Contacts.RECORD_TYPE, "contacts", ContactDetails.class,
				List.of(field("firstName", "First name", Input.TEXT),
						field("lastName", "Last name", Input.TEXT).mandatory(), field("title", "Title", Input.TEXT),
						field("email", "E-mail", Input.TEXT), field("phone", "Phone", Input.TEXT),
						field("mobile", "Mobile", Input.TEXT),
						select("ownerId", "Owner", () -> AccountEditing.owners(users)).mandatory()
							.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, ""))),
				contacts, id -> Viewer.of(users.get(id)), users::namesOf);
		this.contacts = contacts;
		offerCustomFields(customFields, () -> AccountEditing.owners(users));
	}

	@Override
	protected String name(Contact record) {
		return record.fullName();
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		ContactFilter filter = filterFrom(ContactFilter.class,
				renamed(filters, Map.of("owner", "ownerId", "account", "accountId")));
		return this.contacts.list(viewer, filter, customFilter(filters), PageRequest.of(0, limit))
			.map(Contact::id)
			.getContent();
	}

}
