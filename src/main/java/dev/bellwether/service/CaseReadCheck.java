package dev.bellwether.service;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Lets modules that know a case only by id (field history, the activity timeline) check
 * that a viewer may read it, through the same rules as every case page. Cases are not
 * readable by everyone, so no names are given out here.
 */
@Component
class CaseReadCheck implements RecordReadCheck {

	private final Cases cases;

	CaseReadCheck(Cases cases) {
		this.cases = cases;
	}

	@Override
	public String recordType() {
		return Cases.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.cases.get(viewer, recordId);
	}

	@Override
	public Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE, "accountId", "account", "contactId", "contact", "productId",
				"product");
	}

}
