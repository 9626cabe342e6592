package dev.bellwether.marketing.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.marketing.CampaignMember;
import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignMemberType;

/**
 * A campaign member as the API returns it: the time each status was first reached, none
 * for a status not (or not knowingly) reached.
 *
 * @param memberName the contact's name; none for leads yet
 */
record CampaignMemberResource(UUID id, UUID campaignId, CampaignMemberType memberType, UUID memberId, String memberName,
		CampaignMemberStatus status, Instant sentAt, Instant openedAt, Instant respondedAt, Instant attendedAt,
		Instant createdAt) {

	static CampaignMemberResource of(CampaignMember m, Map<UUID, String> names) {
		return new CampaignMemberResource(m.id(), m.campaignId(), m.memberType(), m.memberId(), names.get(m.memberId()),
				m.status(), m.sentAt(), m.openedAt(), m.respondedAt(), m.attendedAt(), m.createdAt());
	}

}
