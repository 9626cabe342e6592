package dev.bellwether.marketing.web;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Contacts;
import dev.bellwether.marketing.CampaignMember;
import dev.bellwether.marketing.CampaignMemberType;

import org.springframework.stereotype.Component;

/**
 * The names of campaign members, for pages and the API: contacts' through the customers
 * module (every user reads contacts); leads' once the leads feature is merged.
 */
@Component
class CampaignMemberNames {

	private final Contacts contacts;

	CampaignMemberNames(Contacts contacts) {
		this.contacts = contacts;
	}

	Map<UUID, String> of(Collection<CampaignMember> members) {
		return this.contacts.namesOf(members.stream()
			.filter(m -> m.memberType() == CampaignMemberType.CONTACT)
			.map(CampaignMember::memberId)
			.distinct()
			.toList());
	}

}
