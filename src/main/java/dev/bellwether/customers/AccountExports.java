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
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The account list for exports: the accounts the person may see, filtered and sorted as
 * {@code /accounts} does it ({@link Accounts#list}), the owner by name and the country as
 * its pick list shows it.
 */
@Component
class AccountExports extends RecordListExport {

	private final Accounts accounts;

	private final UserDirectory users;

	private final PickLists pickLists;

	AccountExports(Accounts accounts, UserDirectory users, PickLists pickLists) {
		super(Accounts.RECORD_TYPE, "accounts", "accounts", users::namesOf);
		this.accounts = accounts;
		this.users = users;
		this.pickLists = pickLists;
	}

	@Override
	public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
		AccountFilter filter = new AccountFilter(query.text("q"), query.text("industry"), query.text("country"),
				query.id("owner"));
		Page<Account> page = this.accounts.list(Viewer.of(this.users.get(viewerId)), filter, custom, pageable);
		Map<UUID, String> owners = namesOf(page, Account::ownerId, this.users::namesOf);
		return page.map(account -> {
			Map<String, Object> cells = new HashMap<>();
			cells.put("name", account.name());
			cells.put("industry", account.industry());
			cells.put("city", account.billingCity());
			cells.put("country", this.pickLists.label("country", account.country()));
			cells.put("owner", owners.get(account.ownerId()));
			cells.put("phone", account.phone());
			cells.put("employees", account.employees());
			cells.put("annualRevenue", account.annualRevenue());
			cells.put("lastTouchedAt", account.lastTouchedAt());
			cells.put("createdAt", account.createdAt());
			return new ExportRow(cells, account.customFields());
		});
	}

	/** {@code /api/v1/accounts} names the owner filter {@code ownerId}. */
	@Override
	public Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		return ExportableList.renamed(parameters, Map.of("ownerId", "owner"));
	}

}
