package dev.bellwether.marketing;

import java.util.UUID;

/**
 * What became of one id or e-mail address in a bulk addition of campaign members.
 *
 * @param input the id or e-mail address as sent
 * @param memberId the lead or contact it names, {@code null} when none was found
 * @param campaignMemberId the membership (new or existing), {@code null} when not found
 */
public record CampaignMemberAddition(String input, CampaignMemberType memberType, UUID memberId, UUID campaignMemberId,
		Outcome outcome) {

	public enum Outcome {

		/** Added to the campaign now. */
		ADDED,
		/** In the campaign already; left as it was. */
		ALREADY_MEMBER,
		/** No such contact (or no contact with that e-mail address). */
		NOT_FOUND

	}

}
