package dev.bellwether.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An assignment rule: its criteria (each left empty matches any lead; all given must
 * match) and what it does with a lead that matches. Rules are tried by {@code position},
 * the first active match wins (see {@link LeadAssignmentRules}).
 *
 * @param sources stored values of the {@code lead-source} pick list
 * @param countries ISO 3166 codes
 * @param assigneeId the user a {@link LeadAssignmentAction#USER} rule gives leads to
 * @param team the team ({@code users.team}) a {@link LeadAssignmentAction#ROUND_ROBIN}
 * rule shares leads within
 * @param lastAssignedId the team member who got the rule's last lead (the round-robin
 * pointer), or {@code null}
 */
public record LeadAssignmentRule(UUID id, String name, int position, boolean active, List<String> sources,
		List<String> countries, WorldRegion region, LeadAssignmentAction action, UUID assigneeId, String team,
		UUID lastAssignedId, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy, long version) {

	/**
	 * @param source the lead's source as stored
	 * @param country the lead's ISO country code
	 * @return whether every criterion the rule has matches
	 */
	public boolean matches(String source, String country) {
		if (!this.sources.isEmpty() && (source == null || this.sources.stream().noneMatch(source::equalsIgnoreCase))) {
			return false;
		}
		String code = (country != null) ? country.trim().toUpperCase(Locale.ROOT) : null;
		if (!this.countries.isEmpty() && (code == null || !this.countries.contains(code))) {
			return false;
		}
		return this.region == null || WorldRegion.of(code).filter(this.region::equals).isPresent();
	}

	/**
	 * @return the criteria in words, e.g. "source Webinar · country GB, IE · region
	 * EMEA", or "every lead"
	 */
	public String criteria() {
		List<String> parts = new java.util.ArrayList<>();
		if (!this.sources.isEmpty()) {
			parts.add("source " + String.join(" or ", this.sources));
		}
		if (!this.countries.isEmpty()) {
			parts.add("country " + String.join(", ", this.countries));
		}
		if (this.region != null) {
			parts.add("region " + this.region.name());
		}
		return parts.isEmpty() ? "every lead" : String.join(" · ", parts);
	}

	LeadAssignmentRuleDetails details() {
		return new LeadAssignmentRuleDetails(this.name, this.active, this.sources, this.countries, this.region,
				this.action, this.assigneeId, this.team);
	}

}
