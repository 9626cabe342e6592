package dev.bellwether.marketing;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead or contact in a campaign, with the time each status was first reached (none for
 * a status skipped or not reached yet).
 *
 * @param id the membership's own id
 * @param memberId the lead's or contact's id
 */
public record CampaignMember(UUID id, UUID campaignId, CampaignMemberType memberType, UUID memberId,
		CampaignMemberStatus status, Instant sentAt, Instant openedAt, Instant respondedAt, Instant attendedAt,
		Instant createdAt, long version) {

}
