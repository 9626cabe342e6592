package dev.bellwether.adoption;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One visible act of an executive sponsor on a day: what people see their leaders do for
 * the CRM. Adoption counts the sponsor's own use of records and their reviews of
 * dashboards, reports and forecasts; other modules add the acts they own through a
 * {@link SponsorActivitySource} (the programme module: messages sent in the sponsor's
 * name, steering committee meetings chaired).
 *
 * @param userId the sponsor
 * @param day the UTC day of the act
 * @param kind what they did
 * @param what the thing acted on, for people to read (a message's title, a meeting's);
 * {@code null} where there is none
 */
public record SponsorAct(UUID userId, LocalDate day, Kind kind, String what) {

	public enum Kind {

		/**
		 * Viewed, created or updated a business record: an active day
		 * (usage_daily.active).
		 */
		OWN_USE("used the CRM's records"),

		/** Opened a dashboard, a report or a forecast. */
		DASHBOARD_REVIEWED("reviewed dashboards, reports or forecasts"),

		/** A programme message in their name was delivered to someone. */
		MESSAGE_SENT("sent a programme message"),

		/** Chaired a steering committee meeting, and was recorded as present. */
		MEETING_CHAIRED("chaired a steering committee meeting");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
