package dev.bellwether.sales;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Lets modules that know an opportunity only by id (field history) check that a viewer
 * may read it, through {@link OpportunityAccess}. Opportunities are not readable by
 * everyone, so no names are given out here.
 */
@Component
class OpportunityReadCheck implements RecordReadCheck {

	private final OpportunityAccess access;

	OpportunityReadCheck(OpportunityAccess access) {
		this.access = access;
	}

	@Override
	public String recordType() {
		return OpportunityAccess.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.access.requireRead(viewer, recordId);
	}

	@Override
	public Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE, "accountId", Accounts.RECORD_TYPE, "primaryContactId",
				Contacts.RECORD_TYPE);
	}

}
