package dev.bellwether.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.edit.RecordEditing;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Accounts for inline edit and bulk changes, each change a save through
 * {@link Accounts#update} (its rules, rights and field history).
 */
@Component
class AccountEditing extends RecordEditing<Viewer, Account, AccountDetails> {

	private final Accounts accounts;

	private final UserDirectory users;

	AccountEditing(Accounts accounts, UserDirectory users, PickLists pickLists, CustomFields customFields) {
		super(Accounts.RECORD_TYPE, "accounts", AccountDetails.class,
				List.of(field("name", "Name", Input.TEXT).mandatory(),
						select("industry", "Industry", () -> options(pickLists, "industry")),
						field("website", "Website", Input.TEXT), field("phone", "Phone", Input.TEXT),
						field("billingCity", "City", Input.TEXT),
						select("country", "Country", () -> options(pickLists, "country")),
						field("employees", "Employees", Input.NUMBER),
						field("annualRevenue", "Annual revenue", Input.MONEY),
						select("ownerId", "Owner", () -> owners(users)).mandatory()
							.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, "")),
						field("description", "Description", Input.TEXTAREA)));
		this.accounts = accounts;
		this.users = users;
		offerCustomFields(customFields, () -> owners(users));
	}

	/**
	 * @return the pick list's values offered now (not retired), as stored to as shown
	 */
	private static List<Option> options(PickLists pickLists, String list) {
		return pickLists.choices(list, null)
			.entrySet()
			.stream()
			.map(e -> new Option(e.getKey(), e.getValue()))
			.toList();
	}

	static List<Option> owners(UserDirectory users) {
		return users.activeUsers().stream().map(u -> new Option(u.id().toString(), u.fullName())).toList();
	}

	@Override
	protected Viewer viewer(UUID actorId) {
		return Viewer.of(this.users.get(actorId));
	}

	@Override
	protected Account get(Viewer viewer, UUID id) {
		return this.accounts.get(viewer, id);
	}

	@Override
	protected AccountDetails details(Account record) {
		return record.details();
	}

	@Override
	protected CustomValues customValues(Account record) {
		return record.customFields();
	}

	@Override
	protected Account update(Viewer viewer, UUID id, long version, AccountDetails details, Map<String, ?> custom) {
		return this.accounts.update(viewer, id, version, details, custom);
	}

	@Override
	protected Account update(Viewer viewer, UUID id, long version, AccountDetails details) {
		return this.accounts.update(viewer, id, version, details);
	}

	@Override
	protected long version(Account record) {
		return record.version();
	}

	@Override
	protected String lastChangedBy(Account record) {
		return this.users.namesOf(List.of(record.updatedBy())).getOrDefault(record.updatedBy(), "someone");
	}

	@Override
	protected Instant lastChangedAt(Account record) {
		return record.updatedAt();
	}

	@Override
	protected String name(Account record) {
		return record.name();
	}

	@Override
	protected void delete(Viewer viewer, UUID id) {
		this.accounts.delete(viewer, id);
	}

	@Override
	protected void restore(Viewer viewer, UUID id) {
		this.accounts.restore(viewer, id);
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		AccountFilter filter = filterFrom(AccountFilter.class, renamed(filters, Map.of("owner", "ownerId")));
		return this.accounts.list(viewer, filter, customFilter(filters), PageRequest.of(0, limit))
			.map(Account::id)
			.getContent();
	}

}
