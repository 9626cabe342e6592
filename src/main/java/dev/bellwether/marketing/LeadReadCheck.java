package dev.bellwether.marketing;

import java.util.UUID;

import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Lets modules that know a lead only by id (field history) check that a viewer may read
 * it, through {@link Leads#ACCESS} like every lead page. Leads are not readable by
 * everyone, so no names are given out here.
 */
@Component
class LeadReadCheck implements RecordReadCheck {

	private final Leads leads;

	LeadReadCheck(Leads leads) {
		this.leads = leads;
	}

	@Override
	public String recordType() {
		return Leads.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.leads.get(viewer, recordId);
	}

}
