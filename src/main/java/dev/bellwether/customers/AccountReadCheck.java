package dev.bellwether.customers;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Lets modules that know an account only by id (field history) check that a viewer may
 * read it, through {@link Accounts#ACCESS} like every account page.
 */
@Component
class AccountReadCheck implements RecordReadCheck {

	private final Accounts accounts;

	AccountReadCheck(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String recordType() {
		return Accounts.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.accounts.get(viewer, recordId);
	}

	@Override
	public Map<UUID, String> publicNamesOf(Collection<UUID> ids) {
		// Every signed-in user reads accounts (Accounts.ACCESS is a shared-record
		// policy).
		return this.accounts.namesOf(ids);
	}

	@Override
	public Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE, "parentId", Accounts.RECORD_TYPE);
	}

}
