package dev.bellwether.adoption;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The privacy policy over every adoption and programme figure (docs/privacy.md): whether
 * individual figures are visible up the manager chain ({@link Mode#INDIVIDUAL}) or only
 * aggregates, groups smaller than a minimum hidden ({@link Mode#AGGREGATE_ONLY}); and the
 * log of every export of individual figures. Kept here, in adoption, because adoption's
 * pages, API and exports enforce it; the programme module's privacy page edits it (its
 * leads and administrators: the caller checks who may, adoption does not know programme
 * leads).
 */
@Service
@Transactional(readOnly = true)
public class PrivacyPolicy {

	/** The minimum group size until someone changes it. */
	public static final int DEFAULT_MINIMUM_GROUP_SIZE = 5;

	/** What a page or an answer says in place of figures the policy hides. */
	public static final String HIDDEN = "Hidden by the privacy policy";

	private final JdbcClient jdbc;

	private final Clock clock;

	PrivacyPolicy(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the policy in force: INDIVIDUAL with a minimum group of 5 until changed
	 */
	public Settings current() {
		return this.jdbc.sql("""
				select mode, minimum_group_size, updated_at, updated_by, version from adoption_privacy_policy
				where id = 1
				""")
			.query((rs, row) -> new Settings(Mode.valueOf(rs.getString("mode")), rs.getInt("minimum_group_size"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_by", UUID.class), rs.getLong("version")))
			.optional()
			.orElse(new Settings(Mode.INDIVIDUAL, DEFAULT_MINIMUM_GROUP_SIZE, null, null, 0));
	}

	/**
	 * @return whether only aggregates are shown
	 */
	public boolean aggregateOnly() {
		return current().mode() == Mode.AGGREGATE_ONLY;
	}

	/**
	 * The rule, in one place for every adoption and programme view, alert and digest: may
	 * this viewer see individual figures of these people? See
	 * {@link Settings#individualsHidden(UUID, AdoptionScope)}.
	 */
	public boolean individualsHidden(UUID viewerId, AdoptionScope people) {
		return current().individualsHidden(viewerId, people);
	}

	/**
	 * The rule, in one place for every adoption and programme view, alert and digest: are
	 * the figures of this group hidden from the viewer? See
	 * {@link Settings#groupHidden(UUID, AdoptionScope)}.
	 */
	public boolean groupHidden(UUID viewerId, AdoptionScope group) {
		return current().groupHidden(viewerId, group);
	}

	/**
	 * @return the smallest group whose figures are shown (survey results always; adoption
	 * figures under {@link Mode#AGGREGATE_ONLY})
	 */
	public int minimumGroupSize() {
		return current().minimumGroupSize();
	}

	/**
	 * Changes the policy. Who may is the caller's to check (the programme module: its
	 * leads and administrators).
	 * @param expectedVersion the version the change was made from
	 * @throws InvalidInputException without a mode, or a minimum group size under 2
	 * @throws StaleRecordException when someone changed the policy since
	 */
	@Transactional
	public Settings update(Viewer actor, Mode mode, Integer minimumGroupSize, long expectedVersion) {
		if (mode == null) {
			throw new InvalidInputException("mode", "Choose INDIVIDUAL or AGGREGATE_ONLY.");
		}
		if (minimumGroupSize == null || minimumGroupSize < 2 || minimumGroupSize > 1000) {
			throw new InvalidInputException("minimumGroupSize",
					"The minimum group size is a whole number from 2 to 1000: a group of one is a person.");
		}
		OffsetDateTime now = utc(this.clock.instant());
		int changed = this.jdbc.sql("""
				insert into adoption_privacy_policy
				    (id, mode, minimum_group_size, created_at, created_by, updated_at, updated_by, version)
				values (1, :mode, :min, :now, :by, :now, :by, 1)
				on conflict (id) do update set mode = excluded.mode, minimum_group_size = excluded.minimum_group_size,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
				    version = adoption_privacy_policy.version + 1
				where adoption_privacy_policy.version = :version
				""")
			.param("mode", mode.name())
			.param("min", minimumGroupSize)
			.param("now", now)
			.param("by", actor.id())
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleRecordException("privacy policy", 1, expectedVersion);
		}
		return current();
	}

	/**
	 * Records an export of individual figures: who, when, what.
	 */
	@Transactional
	public void logExport(UUID userId, String export, String scope, int rows) {
		OffsetDateTime now = utc(this.clock.instant());
		this.jdbc.sql("""
				insert into adoption_export_log (id, exported_by, exported_at, export, scope, row_count,
				    created_at, created_by, updated_at, updated_by, version)
				values (:id, :by, :now, :export, :scope, :rows, :now, :by, :now, :by, 0)
				""")
			.params(Map.of("id", Ids.newId(), "by", userId, "now", now, "export", export, "scope",
					scope.length() > 300 ? scope.substring(0, 300) : scope, "rows", rows))
			.update();
	}

	/**
	 * @return how many exports of individual figures were logged
	 */
	public long exportCount() {
		return this.jdbc.sql("select count(*) from adoption_export_log").query(Long.class).single();
	}

	/**
	 * @return the latest exports of individual figures, newest first
	 */
	public List<Export> exports(int limit) {
		return this.jdbc.sql("""
				select exported_by, exported_at, export, scope, row_count from adoption_export_log
				order by exported_at desc, id desc limit :limit
				""")
			.param("limit", limit)
			.query((rs, row) -> new Export(rs.getObject("exported_by", UUID.class),
					rs.getObject("exported_at", OffsetDateTime.class).toInstant(), rs.getString("export"),
					rs.getString("scope"), rs.getInt("row_count")))
			.list();
	}

	/** What the policy shows. */
	public enum Mode {

		/**
		 * Individual figures visible up the manager chain (and to executives,
		 * administrators).
		 */
		INDIVIDUAL,
		/** Only aggregates; groups below the minimum size hidden. */
		AGGREGATE_ONLY

	}

	/**
	 * The policy in force.
	 *
	 * @param updatedAt when it was last changed, {@code null} if never
	 * @param version for optimistic locking (0 until first changed)
	 */
	public record Settings(Mode mode, int minimumGroupSize, Instant updatedAt, UUID updatedBy, long version) {

		/**
		 * @return whether only aggregates are shown
		 */
		public boolean aggregateOnly() {
			return this.mode == Mode.AGGREGATE_ONLY;
		}

		/**
		 * Whether individual figures of these people (each person's status, a named list,
		 * movers) are hidden from the viewer: under aggregate-only from everyone —
		 * executives, administrators and programme leads included — unless the people are
		 * the viewer alone (their own figures); never under individual.
		 * @param viewerId who looks ({@code null} for a text sent to several people)
		 */
		public boolean individualsHidden(UUID viewerId, AdoptionScope people) {
			return aggregateOnly() && !ownOnly(viewerId, people);
		}

		/**
		 * Whether the figures of a group (a team, a wave, an org level) are hidden from
		 * the viewer: under aggregate-only when the group has fewer people than the
		 * minimum group size — for everyone, unless the group is the viewer alone; never
		 * under individual. The company ({@link AdoptionScope#everyone()}) is a group of
		 * any size.
		 * @param viewerId who looks ({@code null} for a text sent to several people)
		 */
		public boolean groupHidden(UUID viewerId, AdoptionScope group) {
			return aggregateOnly() && !group.isEveryone() && group.userIds().size() < this.minimumGroupSize
					&& !ownOnly(viewerId, group);
		}

		/**
		 * @return the minimum group size when the policy hides small groups, else 0
		 */
		public int hiddenBelow() {
			return aggregateOnly() ? this.minimumGroupSize : 0;
		}

		private static boolean ownOnly(UUID viewerId, AdoptionScope people) {
			return viewerId != null && AdoptionScope.user(viewerId).equals(people);
		}

	}

	/** One export of individual figures. */
	public record Export(UUID exportedBy, Instant exportedAt, String export, String scope, int rows) {
	}

}
