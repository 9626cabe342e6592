package dev.bellwether.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.edit.RecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Contacts for inline edit and bulk changes, each change a save through
 * {@link Contacts#update} (its rules, rights and field history).
 */
@Component
class ContactEditing extends RecordEditing<Viewer, Contact, ContactDetails> {

	private final Contacts contacts;

	private final UserDirectory users;

	ContactEditing(Contacts contacts, UserDirectory users, CustomFields customFields) {
		super(Contacts.RECORD_TYPE, "contacts", ContactDetails.class,
				List.of(field("firstName", "First name", Input.TEXT),
						field("lastName", "Last name", Input.TEXT).mandatory(), field("title", "Title", Input.TEXT),
						field("email", "E-mail", Input.TEXT), field("phone", "Phone", Input.TEXT),
						field("mobile", "Mobile", Input.TEXT),
						select("ownerId", "Owner", () -> AccountEditing.owners(users)).mandatory()
							.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, ""))));
		this.contacts = contacts;
		this.users = users;
		offerCustomFields(customFields, () -> AccountEditing.owners(users));
	}

	@Override
	protected Viewer viewer(UUID actorId) {
		return Viewer.of(this.users.get(actorId));
	}

	@Override
	protected Contact get(Viewer viewer, UUID id) {
		return this.contacts.get(viewer, id);
	}

	@Override
	protected ContactDetails details(Contact record) {
		return record.details();
	}

	@Override
	protected CustomValues customValues(Contact record) {
		return record.customFields();
	}

	@Override
	protected Contact update(Viewer viewer, UUID id, long version, ContactDetails details, Map<String, ?> custom) {
		return this.contacts.update(viewer, id, version, details, custom);
	}

	@Override
	protected Contact update(Viewer viewer, UUID id, long version, ContactDetails details) {
		return this.contacts.update(viewer, id, version, details);
	}

	@Override
	protected long version(Contact record) {
		return record.version();
	}

	@Override
	protected String lastChangedBy(Contact record) {
		return this.users.namesOf(List.of(record.updatedBy())).getOrDefault(record.updatedBy(), "someone");
	}

	@Override
	protected Instant lastChangedAt(Contact record) {
		return record.updatedAt();
	}

	@Override
	protected String name(Contact record) {
		return record.fullName();
	}

	@Override
	protected void delete(Viewer viewer, UUID id) {
		this.contacts.delete(viewer, id);
	}

	@Override
	protected void restore(Viewer viewer, UUID id) {
		this.contacts.restore(viewer, id);
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
