package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A message of the adoption programme, queued in its channel until its send date.
 *
 * @param senderId the sponsor or named user who sends it; {@code null} when each person's
 * own manager does ({@link SenderKind#MANAGER})
 * @param keyMessage the key message it repeats, so that repetitions per person can be
 * counted; {@code null} when it repeats none
 * @param releasedAt when the delivery job took it off the queue and wrote its deliveries;
 * {@code null} while it is queued (and can still be changed)
 */
public record ProgrammeMessage(UUID id, String title, String body, Channel channel, SenderKind senderKind,
		UUID senderId, AdkarStage stage, LocalDate sendOn, String keyMessage, Audience audience, Instant releasedAt,
		Instant createdAt, long version) {

	public boolean queued() {
		return this.releasedAt == null;
	}

	/** Where a message goes. */
	public enum Channel {

		IN_APP_BANNER("In-app banner", true), ANNOUNCEMENT("Announcement", true), EMAIL("E-mail", false),
		TALKING_POINTS("Talking points", false);

		private final String label;

		private final boolean inApp;

		Channel(String label, boolean inApp) {
			this.label = label;
			this.inApp = inApp;
		}

		public String label() {
			return this.label;
		}

		/**
		 * @return whether it is shown in the application to the person it is for, so that
		 * it counts towards their one in-app message a day
		 */
		public boolean inApp() {
			return this.inApp;
		}

	}

	/** Who sends a message: the sponsor for why, the manager for what it means for me. */
	public enum SenderKind {

		SPONSOR("Executive sponsor"), MANAGER("Each person's manager"), USER("A named person");

		private final String label;

		SenderKind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** The ADKAR stage a message serves. */
	public enum AdkarStage {

		AWARENESS, DESIRE, KNOWLEDGE, ABILITY, REINFORCEMENT;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * Who a message is for: people of any of the roles and of any of the teams (both when
	 * both are given). Rollout waves may be added as a further kind.
	 */
	public record Audience(List<String> roles, List<String> teams) {

		public Audience {
			roles = roles == null ? List.of() : List.copyOf(roles);
			teams = teams == null ? List.of() : List.copyOf(teams);
		}

		public boolean isEmpty() {
			return this.roles.isEmpty() && this.teams.isEmpty();
		}

		public boolean includes(dev.bellwether.identity.Person person) {
			return (this.roles.isEmpty() || this.roles.contains(person.role().name()))
					&& (this.teams.isEmpty() || person.team() != null && this.teams.contains(person.team()));
		}

	}

}
