package dev.bellwether.marketing;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * Lets modules that know a campaign only by id (field history) check that a viewer may
 * read it, through {@link Campaigns#ACCESS} like every campaign page.
 */
@Component
class CampaignReadCheck implements RecordReadCheck {

	private final Campaigns campaigns;

	CampaignReadCheck(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public String recordType() {
		return Campaigns.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.campaigns.get(viewer, recordId);
	}

	@Override
	public Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE, "parentId", Campaigns.RECORD_TYPE);
	}

}
