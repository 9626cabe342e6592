package dev.bellwether.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.edit.VersionedRecordEditing;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Accounts for inline edit and bulk changes, each change a save through
 * {@link Accounts#update} (its rules, rights and field history).
 */
@Component
class AccountEditing extends VersionedRecordEditing<Viewer, Account, AccountDetails> {

	private final Accounts accounts;

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
						field("description", "Description", Input.TEXTAREA)),
				accounts, id -> Viewer.of(users.get(id)), users::namesOf);
		this.accounts = accounts;
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
	protected String name(Account record) {
		return record.name();
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		AccountFilter filter = filterFrom(AccountFilter.class, renamed(filters, Map.of("owner", "ownerId")));
		return this.accounts.list(viewer, filter, customFilter(filters), PageRequest.of(0, limit))
			.map(Account::id)
			.getContent();
	}

}
