package dev.bellwether.marketing;

/**
 * What kind of record a campaign member is: a lead (marketing's own) or a contact (the
 * customers module's), known by id only.
 */
public enum CampaignMemberType {

	LEAD, CONTACT

}
