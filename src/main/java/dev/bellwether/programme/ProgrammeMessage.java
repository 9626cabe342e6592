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
	 * Who a message is for (docs/programme.md, "Communications"): a person must match
	 * every kind given, and any value within a kind — one of the roles (when roles are
	 * given), one of the teams (when teams are given) and a member of one of the rollout
	 * waves (when waves are given). Who is in it is resolved when the message is
	 * released, by {@link Communications#recipients}: a wave's members as
	 * {@link RolloutWaves#members} has them on that day.
	 *
	 * @param waves the rollout waves named, in the waves' order; a wave deleted since is
	 * kept with the name {@link AudienceWave#DELETED} (only a sent message can name one:
	 * a wave named by a queued message cannot be deleted)
	 */
	public record Audience(List<String> roles, List<String> teams, List<AudienceWave> waves) {

		public Audience {
			roles = roles == null ? List.of() : List.copyOf(roles);
			teams = teams == null ? List.of() : List.copyOf(teams);
			waves = waves == null ? List.of() : List.copyOf(waves);
		}

		public Audience(List<String> roles, List<String> teams) {
			this(roles, teams, List.of());
		}

		public boolean isEmpty() {
			return this.roles.isEmpty() && this.teams.isEmpty() && this.waves.isEmpty();
		}

		/**
		 * @return the ids of the waves named
		 */
		public List<UUID> waveIds() {
			return this.waves.stream().map(AudienceWave::id).toList();
		}

		/**
		 * @return the names of the waves named
		 */
		public List<String> waveNames() {
			return this.waves.stream().map(AudienceWave::name).toList();
		}

		/**
		 * @param inNamedWaves the people who are members of any of the waves named
		 * (today)
		 * @return whether the person matches every kind given
		 */
		public boolean includes(dev.bellwether.identity.Person person, java.util.Set<UUID> inNamedWaves) {
			return (this.roles.isEmpty() || this.roles.contains(person.role().name()))
					&& (this.teams.isEmpty() || person.team() != null && this.teams.contains(person.team()))
					&& (this.waves.isEmpty() || inNamedWaves.contains(person.id()));
		}

	}

	/**
	 * A rollout wave a message's audience names.
	 *
	 * @param name the wave's name, {@link #DELETED} when the wave has been deleted since
	 */
	public record AudienceWave(UUID id, String name) {

		public static final String DELETED = "A deleted wave";

	}

}
