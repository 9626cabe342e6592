package dev.bellwether.marketing;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListValueRenamed;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * How long a lead may wait for its response, in business minutes of the company's
 * calendar, per lead source (table {@code lead_response_targets}): a row for a source, or
 * the default row (no source) for every source without one, and for leads without a
 * source. Administrators, sales administrators and marketing set them.
 */
@Service
@Transactional(readOnly = true)
public class LeadResponseTargets {

	/** Who sets targets. */
	public static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.SALES_ADMIN, Role.MARKETING);

	/** The most a target may be: about 208 eight-hour days. */
	public static final int MAX_MINUTES = 100_000;

	private final JdbcClient jdbc;

	private final PickLists pickLists;

	private final Clock clock;

	LeadResponseTargets(JdbcClient jdbc, PickLists pickLists, Clock clock) {
		this.jdbc = jdbc;
		this.pickLists = pickLists;
		this.clock = clock;
	}

	/**
	 * @return the targets, the default first, then by source
	 */
	public List<Target> all() {
		return this.jdbc.sql("""
				select source, target_minutes from lead_response_targets order by source nulls first, lower(source)
				""").query((rs, n) -> new Target(rs.getString("source"), rs.getInt("target_minutes"))).list();
	}

	/**
	 * @return the targets in force: source → target, the default under {@code null}
	 */
	public Targets current() {
		Map<String, Duration> bySource = new LinkedHashMap<>();
		all().forEach(target -> bySource.put(target.source(), target.duration()));
		return new Targets(bySource);
	}

	public boolean canEdit(Viewer viewer) {
		return EDITORS.contains(viewer.role());
	}

	/**
	 * Sets the target for a source (or, with no source, the default).
	 * @throws InvalidInputException for a source not on the lead-source list, or a target
	 * that is not 1 to {@link #MAX_MINUTES} minutes
	 * @throws ForbiddenException for anyone but administrators, sales administrators and
	 * marketing
	 */
	@Transactional
	public Target set(Viewer viewer, String source, Integer minutes) {
		requireEditor(viewer);
		Map<String, String> errors = new LinkedHashMap<>();
		String stored = null;
		if (StringUtils.hasText(source)) {
			try {
				stored = this.pickLists.resolve(Leads.SOURCES, "source", source, null);
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
		}
		if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
			errors.put("minutes", "A target is 1 to " + MAX_MINUTES + " business minutes (60 is one business hour).");
		}
		InputValidation.throwIfAny(errors);
		this.jdbc.sql("""
				insert into lead_response_targets (id, source, target_minutes, created_at, created_by, updated_at,
				  updated_by, version)
				values (:id, :source, :minutes, :now, :actor, :now, :actor, 0)
				on conflict (coalesce(source, '')) do update set target_minutes = excluded.target_minutes,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by,
				  version = lead_response_targets.version + 1
				""")
			.param("id", Ids.newId())
			.param("source", stored)
			.param("minutes", minutes)
			.param("now", utc(this.clock.instant()))
			.param("actor", viewer.id())
			.update();
		return new Target(stored, minutes);
	}

	/**
	 * Removes a source's own target, so the default applies to it; or, with no source,
	 * the default, so leads from sources without a target of their own have none (they
	 * are never breached).
	 */
	@Transactional
	public void remove(Viewer viewer, String source) {
		requireEditor(viewer);
		this.jdbc.sql("delete from lead_response_targets where coalesce(source, '') = :source")
			.param("source", StringUtils.hasText(source) ? source.trim() : "")
			.update();
	}

	/** Targets follow a renamed lead source, as the leads do. */
	@ApplicationModuleListener
	void on(PickListValueRenamed renamed) {
		if (Leads.SOURCES.equals(renamed.list())) {
			this.jdbc.sql("update lead_response_targets set source = :to where source = :from")
				.param("to", renamed.newLabel())
				.param("from", renamed.oldLabel())
				.update();
		}
	}

	private void requireEditor(Viewer viewer) {
		if (!canEdit(viewer)) {
			throw new ForbiddenException(
					"Only administrators, sales administrators and marketing set speed-to-lead targets.");
		}
	}

	/**
	 * A source's target (the default when {@code source} is {@code null}).
	 */
	public record Target(String source, int minutes) {

		public Duration duration() {
			return Duration.ofMinutes(this.minutes);
		}

		public boolean isDefault() {
			return this.source == null;
		}

	}

	/**
	 * The targets in force, to look up a lead's.
	 */
	public record Targets(Map<String, Duration> bySource) {

		/**
		 * @return the source's own target, else the default; empty when neither is set
		 */
		public Optional<Duration> of(String source) {
			if (source != null && this.bySource.containsKey(source)) {
				return Optional.of(this.bySource.get(source));
			}
			return Optional.ofNullable(this.bySource.get(null));
		}

	}

}
