package dev.bellwether.marketing.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadStatus;

/**
 * A lead as the API returns it; the converted ids are set once the lead is converted.
 */
record LeadResource(UUID id, String firstName, String lastName, String fullName, String company, String title,
		String email, String phone, String country, String source, LeadStatus status, String disqualifyReason,
		UUID ownerId, String ownerName, String description, Instant convertedAt, UUID convertedAccountId,
		UUID convertedContactId, UUID convertedOpportunityId, Instant deletedAt, Instant createdAt, UUID createdBy,
		Instant updatedAt, UUID updatedBy, Instant lastTouchedAt, UUID lastTouchedBy, long version) {

	static LeadResource of(Lead l, Map<UUID, String> userNames) {
		return new LeadResource(l.id(), l.firstName(), l.lastName(), l.fullName(), l.company(), l.title(), l.email(),
				l.phone(), l.country(), l.source(), l.status(), l.disqualifyReason(), l.ownerId(),
				userNames.get(l.ownerId()), l.description(), l.convertedAt(), l.convertedAccountId(),
				l.convertedContactId(), l.convertedOpportunityId(), l.deletedAt(), l.createdAt(), l.createdBy(),
				l.updatedAt(), l.updatedBy(), l.lastTouchedAt(), l.lastTouchedBy(), l.version());
	}

}
