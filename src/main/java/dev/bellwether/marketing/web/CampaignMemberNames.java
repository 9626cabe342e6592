package dev.bellwether.marketing.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.CampaignMember;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.marketing.Leads;

import org.springframework.stereotype.Component;

/**
 * The names of campaign members, for pages and the API: contacts' through the customers
 * module (every user reads contacts); leads' those the viewer may see (the others stay
 * unnamed).
 */
@Component
class CampaignMemberNames {

	private final Contacts contacts;

	private final Leads leads;

	CampaignMemberNames(Contacts contacts, Leads leads) {
		this.contacts = contacts;
		this.leads = leads;
	}

	Map<UUID, String> of(Viewer viewer, Collection<CampaignMember> members) {
		Map<UUID, String> names = new HashMap<>(this.contacts.namesOf(ids(members, CampaignMemberType.CONTACT)));
		names.putAll(this.leads.namesOf(viewer, ids(members, CampaignMemberType.LEAD)));
		return names;
	}

	private static List<UUID> ids(Collection<CampaignMember> members, CampaignMemberType type) {
		return members.stream().filter(m -> m.memberType() == type).map(CampaignMember::memberId).distinct().toList();
	}

}
