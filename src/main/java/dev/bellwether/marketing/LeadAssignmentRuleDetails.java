package dev.bellwether.marketing;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters about an assignment rule (form and API alike).
 *
 * @param sources lead sources (labels or stored values of the {@code lead-source} pick
 * list); empty: any source
 * @param countries ISO 3166 codes (or country names from the {@code country} pick list);
 * empty: any country
 * @param region a world region; {@code null}: anywhere
 * @param assigneeId for {@link LeadAssignmentAction#USER}
 * @param team for {@link LeadAssignmentAction#ROUND_ROBIN}
 */
public record LeadAssignmentRuleDetails(
		@NotBlank(message = "Name the rule.") @Size(max = 120,
				message = "Keep the name to 120 characters.") String name,
		boolean active, List<String> sources, List<String> countries, WorldRegion region,
		@NotNull(message = "Choose what the rule does.") LeadAssignmentAction action, UUID assigneeId,
		@Size(max = 80, message = "Choose a team from the list.") String team) {

	public LeadAssignmentRuleDetails {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		countries = (countries != null) ? List.copyOf(countries) : List.of();
	}

}
