package dev.bellwether.programme;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.adoption.FeatureUsage;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Guided tours of key pages: programme leads define them ({@link Tour}); the page's
 * guidance script asks for the tours to run ({@link #forPage}) and reports back what the
 * person was shown, completed and dismissed, and the steps whose target element was not
 * on the page (skipped, and listed for the lead). {@link #results} says whether a tour
 * changed behaviour ({@link TourBehaviour}).
 */
@Service
@Transactional
public class GuidedTours {

	static final String RECORD_TYPE = "guided tour";

	private static final Pattern PATH = Pattern.compile("/[^\\s?#]{0,198}");

	private static final Pattern FEATURE = Pattern.compile("([a-z]+):([A-Z_]+)");

	private final JdbcClient jdbc;

	private final ProgrammeLeads leads;

	private final FeatureUsage usage;

	private final UserDirectory users;

	private final Clock clock;

	GuidedTours(JdbcClient jdbc, ProgrammeLeads leads, FeatureUsage usage, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.usage = usage;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @return every tour with what its audience did with it, by path then name (leads
	 * only)
	 */
	@Transactional(readOnly = true)
	public List<Overview> list(Viewer viewer) {
		this.leads.requireLead(viewer);
		Map<UUID, Tour> tours = load(null);
		Map<UUID, Overview> overviews = new LinkedHashMap<>();
		tours.values().forEach(tour -> overviews.put(tour.id(), new Overview(tour, 0, 0, 0, 0)));
		this.jdbc
			.sql("""
					select t.id,
					  (select count(*) from programme_guidance_tour_views v where v.tour_id = t.id) as shown,
					  (select count(*) from programme_guidance_tour_views v where v.tour_id = t.id and v.completed_at is not null) as completed,
					  (select count(*) from programme_guidance_tour_views v where v.tour_id = t.id and v.dismissed_at is not null) as dismissed,
					  (select count(*) from programme_guidance_missing_targets m where m.tour_id = t.id) as missing
					from programme_guidance_tours t
					""")
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				UUID id = rs.getObject("id", UUID.class);
				Overview o = overviews.get(id);
				if (o != null) {
					overviews.put(id, new Overview(o.tour(), rs.getInt("shown"), rs.getInt("completed"),
							rs.getInt("dismissed"), rs.getInt("missing")));
				}
			});
		return List.copyOf(overviews.values());
	}

	/**
	 * @throws RecordNotFoundException for an unknown tour
	 */
	@Transactional(readOnly = true)
	public Tour get(Viewer viewer, UUID id) {
		this.leads.requireLead(viewer);
		return find(id);
	}

	/**
	 * @throws InvalidInputException for a tour without name, a valid path, a known role
	 * or steps, a step without selector or title, or a feature not of the form
	 * module:KIND
	 */
	public Tour create(Viewer viewer, Tour.Details details) {
		this.leads.requireLead(viewer);
		Valid valid = validate(details);
		UUID id = Ids.newId();
		OffsetDateTime now = now();
		this.jdbc
			.sql("""
					insert into programme_guidance_tours (id, name, path, roles, feature_key, active, created_at, created_by,
					  updated_at, updated_by, version)
					values (:id, :name, :path, :roles, :feature, :active, :now, :actor, :now, :actor, 0)
					""")
			.param("id", id)
			.param("name", valid.name())
			.param("path", valid.path())
			.param("roles", valid.roles())
			.param("feature", valid.feature())
			.param("active", valid.active())
			.param("now", now)
			.param("actor", viewer.id())
			.update();
		insertSteps(id, valid.steps());
		return find(id);
	}

	/**
	 * Replaces the tour's definition; the missing targets reported for its old steps go.
	 * @throws StaleRecordException when the tour changed since {@code version}
	 */
	public Tour update(Viewer viewer, UUID id, Tour.Details details, long version) {
		this.leads.requireLead(viewer);
		find(id);
		Valid valid = validate(details);
		int updated = this.jdbc.sql("""
				update programme_guidance_tours set name = :name, path = :path, roles = :roles, feature_key = :feature,
				  active = :active, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", version)
			.param("name", valid.name())
			.param("path", valid.path())
			.param("roles", valid.roles())
			.param("feature", valid.feature())
			.param("active", valid.active())
			.param("now", now())
			.param("actor", viewer.id())
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, version);
		}
		this.jdbc.sql("delete from programme_guidance_tour_steps where tour_id = :id").param("id", id).update();
		this.jdbc.sql("delete from programme_guidance_missing_targets where tour_id = :id").param("id", id).update();
		insertSteps(id, valid.steps());
		return find(id);
	}

	/**
	 * Deletes the tour with what was recorded of it.
	 */
	public void delete(Viewer viewer, UUID id) {
		this.leads.requireLead(viewer);
		if (this.jdbc.sql("delete from programme_guidance_tours where id = :id").param("id", id).update() == 0) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
	}

	/**
	 * @param path the page's path, e.g. {@code /pipeline}
	 * @return the active tours of the page for the viewer's role that the viewer has
	 * neither completed nor dismissed, by name
	 */
	@Transactional(readOnly = true)
	public List<Tour> forPage(Viewer viewer, String path) {
		if (path == null || !PATH.matcher(path).matches()) {
			return List.of();
		}
		List<UUID> finished = this.jdbc.sql("""
				select tour_id from programme_guidance_tour_views
				where user_id = :user and (completed_at is not null or dismissed_at is not null)
				""").param("user", viewer.id()).query(UUID.class).list();
		return load(null).values()
			.stream()
			.filter(tour -> tour.active() && tour.roles().contains(viewer.role()) && tour.matches(path)
					&& !finished.contains(tour.id()))
			.toList();
	}

	/**
	 * Records that the tour started for the viewer.
	 */
	public void shown(Viewer viewer, UUID tourId) {
		find(tourId);
		OffsetDateTime now = now();
		this.jdbc.sql("""
				insert into programme_guidance_tour_views (tour_id, user_id, first_shown_at, last_shown_at, times_shown)
				values (:tour, :user, :now, :now, 1)
				on conflict (tour_id, user_id) do update set last_shown_at = excluded.last_shown_at,
				  times_shown = programme_guidance_tour_views.times_shown + 1
				""").param("tour", tourId).param("user", viewer.id()).param("now", now).update();
	}

	/**
	 * Records that the viewer went through the tour to its last step.
	 * @param stepReached the last step shown (1-based)
	 */
	public void completed(Viewer viewer, UUID tourId, int stepReached) {
		finish(viewer, tourId, stepReached, "completed_at");
	}

	/**
	 * Records that the viewer closed the tour before its end.
	 * @param stepReached the step at which they closed it (1-based)
	 */
	public void dismissed(Viewer viewer, UUID tourId, int stepReached) {
		finish(viewer, tourId, stepReached, "dismissed_at");
	}

	/**
	 * Records a step skipped because its target element was not on the page.
	 * @throws InvalidInputException for a step the tour does not have, or no valid path
	 */
	public void reportMissingTarget(Viewer viewer, UUID tourId, int position, String path) {
		Tour tour = find(tourId);
		if (position < 1 || position > tour.steps().size()) {
			throw new InvalidInputException("step", "The tour has no step " + position + ".");
		}
		if (path == null || !PATH.matcher(path).matches()) {
			throw new InvalidInputException("path", "Give the path of the page the step was missing on.");
		}
		OffsetDateTime now = now();
		this.jdbc
			.sql("""
					insert into programme_guidance_missing_targets (tour_id, position, selector, path, reports,
					  first_reported_at, last_reported_at, last_reported_by)
					values (:tour, :position, :selector, :path, 1, :now, :now, :user)
					on conflict (tour_id, position, path) do update set reports = programme_guidance_missing_targets.reports + 1,
					  last_reported_at = excluded.last_reported_at, last_reported_by = excluded.last_reported_by,
					  selector = excluded.selector
					""")
			.param("tour", tourId)
			.param("position", position)
			.param("selector", tour.steps().get(position - 1).selector())
			.param("path", path)
			.param("now", now)
			.param("user", viewer.id())
			.update();
	}

	/**
	 * @return the steps reported missing, by step (leads only)
	 */
	@Transactional(readOnly = true)
	public List<MissingTarget> missingTargets(Viewer viewer, UUID tourId) {
		this.leads.requireLead(viewer);
		return this.jdbc.sql("""
				select position, selector, path, reports, last_reported_at from programme_guidance_missing_targets
				where tour_id = :tour order by position, path
				""")
			.param("tour", tourId)
			.query((rs, row) -> new MissingTarget(rs.getInt("position"), rs.getString("selector"), rs.getString("path"),
					rs.getInt("reports"), rs.getObject("last_reported_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * @return who was shown the tour and what they did with it, latest first (leads only)
	 */
	@Transactional(readOnly = true)
	public List<PersonView> views(Viewer viewer, UUID tourId) {
		this.leads.requireLead(viewer);
		find(tourId);
		List<PersonView> views = this.jdbc.sql("""
				select user_id, first_shown_at, times_shown, completed_at, dismissed_at, step_reached
				from programme_guidance_tour_views where tour_id = :tour order by last_shown_at desc, user_id
				""")
			.param("tour", tourId)
			.query((rs, row) -> new PersonView(rs.getObject("user_id", UUID.class), null,
					rs.getObject("first_shown_at", OffsetDateTime.class).toInstant(), rs.getInt("times_shown"),
					instant(rs, "completed_at"), instant(rs, "dismissed_at"), rs.getInt("step_reached")))
			.list();
		Map<UUID, String> names = this.users.namesOf(views.stream().map(PersonView::userId).toList());
		return views.stream()
			.map(v -> new PersonView(v.userId(), names.getOrDefault(v.userId(), "Unknown user"), v.firstShownAt(),
					v.timesShown(), v.completedAt(), v.dismissedAt(), v.stepReached()))
			.toList();
	}

	/**
	 * Whether the tour changed behaviour: its feature's use by the people who completed
	 * it, before and after (see {@link TourBehaviour}); leads only.
	 * @return {@code null} people when the tour has no feature chosen
	 */
	@Transactional(readOnly = true)
	public Results results(Viewer viewer, UUID tourId) {
		this.leads.requireLead(viewer);
		Tour tour = find(tourId);
		if (tour.featureKey() == null) {
			return new Results(tour.id(), null, List.of(), null, 0);
		}
		Map<UUID, LocalDate> completedOn = new HashMap<>();
		this.jdbc.sql(
				"select user_id, completed_at from programme_guidance_tour_views where tour_id = :tour and completed_at is not null")
			.param("tour", tourId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> completedOn.put(
					rs.getObject("user_id", UUID.class),
					rs.getObject("completed_at", OffsetDateTime.class)
						.withOffsetSameInstant(ZoneOffset.UTC)
						.toLocalDate()));
		if (completedOn.isEmpty()) {
			return new Results(tour.id(), tour.featureKey(), List.of(), null, 0);
		}
		LocalDate from = completedOn.values()
			.stream()
			.min(LocalDate::compareTo)
			.orElseThrow()
			.minusDays(TourBehaviour.WINDOW_DAYS);
		LocalDate to = completedOn.values()
			.stream()
			.max(LocalDate::compareTo)
			.orElseThrow()
			.plusDays(TourBehaviour.WINDOW_DAYS);
		Map<UUID, SortedSet<LocalDate>> used = this.usage.daysUsed(completedOn.keySet(), tour.featureKey(), from, to);
		TourBehaviour.Result result = TourBehaviour.measure(completedOn, used, today());
		Map<UUID, String> names = this.users.namesOf(completedOn.keySet());
		List<PersonResult> people = result.people()
			.stream()
			.map(p -> new PersonResult(p.userId(), names.getOrDefault(p.userId(), "Unknown user"), p.completedOn(),
					p.before(), p.after(), p.change(), p.measured()))
			.toList();
		return new Results(tour.id(), tour.featureKey(), people, result.medianChange(), result.measured());
	}

	private void finish(Viewer viewer, UUID tourId, int stepReached, String column) {
		Tour tour = find(tourId);
		int step = Math.max(0, Math.min(stepReached, tour.steps().size()));
		OffsetDateTime now = now();
		// first_shown_at when the script's "shown" never arrived; a tour completed once
		// stays so
		this.jdbc
			.sql("""
					insert into programme_guidance_tour_views (tour_id, user_id, first_shown_at, last_shown_at, times_shown,
					  %1$s, step_reached)
					values (:tour, :user, :now, :now, 1, :now, :step)
					on conflict (tour_id, user_id) do update set %1$s = coalesce(programme_guidance_tour_views.%1$s, excluded.%1$s),
					  step_reached = greatest(programme_guidance_tour_views.step_reached, excluded.step_reached)
					"""
				.formatted(column))
			.param("tour", tourId)
			.param("user", viewer.id())
			.param("now", now)
			.param("step", step)
			.update();
	}

	private Tour find(UUID id) {
		Tour tour = load(id).get(id);
		if (tour == null) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return tour;
	}

	/**
	 * @param id one tour, or {@code null} for all
	 */
	private Map<UUID, Tour> load(UUID id) {
		record Row(UUID id, String name, String path, Set<Role> roles, String feature, boolean active,
				Instant updatedAt, long version) {
		}
		String where = (id == null) ? "" : " where id = :id";
		var spec = this.jdbc.sql("select id, name, path, roles, feature_key, active, updated_at, version "
				+ "from programme_guidance_tours" + where + " order by path, lower(name), id");
		if (id != null) {
			spec = spec.param("id", id);
		}
		List<Row> rows = spec
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("path"),
					roles(rs.getArray("roles")), rs.getString("feature_key"), rs.getBoolean("active"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version")))
			.list();
		if (rows.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<Tour.Step>> steps = new HashMap<>();
		this.jdbc
			.sql("select tour_id, position, selector, title, body from programme_guidance_tour_steps "
					+ "where tour_id = any(:ids) order by tour_id, position")
			.param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> steps
				.computeIfAbsent(rs.getObject("tour_id", UUID.class), k -> new ArrayList<>())
				.add(new Tour.Step(rs.getInt("position"), rs.getString("selector"), rs.getString("title"),
						rs.getString("body"))));
		Map<UUID, Tour> tours = new LinkedHashMap<>();
		rows.forEach(r -> tours.put(r.id(), new Tour(r.id(), r.name(), r.path(), r.roles(), r.feature(), r.active(),
				List.copyOf(steps.getOrDefault(r.id(), List.of())), r.updatedAt(), r.version())));
		return tours;
	}

	private void insertSteps(UUID tourId, List<Tour.StepDetails> steps) {
		for (int i = 0; i < steps.size(); i++) {
			Tour.StepDetails step = steps.get(i);
			this.jdbc.sql("""
					insert into programme_guidance_tour_steps (tour_id, position, selector, title, body)
					values (:tour, :position, :selector, :title, :body)
					""")
				.param("tour", tourId)
				.param("position", i + 1)
				.param("selector", step.selector().trim())
				.param("title", step.title().trim())
				.param("body", step.text() == null ? "" : step.text().trim())
				.update();
		}
	}

	private record Valid(String name, String path, String[] roles, String feature, boolean active,
			List<Tour.StepDetails> steps) {
	}

	private static Valid validate(Tour.Details details) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = trimmed(details.name());
		if (name == null) {
			errors.put("name", "Name the tour.");
		}
		else if (name.length() > 120) {
			errors.put("name", "Keep the name to 120 characters.");
		}
		String path = trimmed(details.path());
		if (path == null || !PATH.matcher(path).matches()) {
			errors.put("path", "Enter the page's path, starting with / (e.g. /pipeline; end it with * for every page "
					+ "under it), without spaces or a query.");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> unknown = new ArrayList<>();
		for (String role : (details.roles() == null) ? List.<String>of() : details.roles()) {
			String r = trimmed(role);
			if (r == null) {
				continue;
			}
			try {
				roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				unknown.add(r);
			}
		}
		if (!unknown.isEmpty()) {
			errors.put("roles", "Unknown role " + String.join(", ", unknown) + ": choose among "
					+ Arrays.stream(Role.values()).map(Role::name).reduce((a, b) -> a + ", " + b).orElse("") + ".");
		}
		else if (roles.isEmpty()) {
			errors.put("roles", "Choose the role(s) the tour is for.");
		}
		String feature = trimmed(details.featureKey());
		if (feature != null) {
			var m = FEATURE.matcher(feature);
			if (!m.matches() || Arrays.stream(UsageKind.values()).noneMatch(k -> k.name().equals(m.group(2)))) {
				errors.put("featureKey",
						"Enter the feature as module:KIND, e.g. sales:CREATE or forecasting:FORECAST_VIEW.");
			}
		}
		List<Tour.StepDetails> steps = (details.steps() == null) ? List.of() : details.steps();
		if (steps.isEmpty()) {
			errors.put("steps", "Add at least one step.");
		}
		for (int i = 0; i < steps.size(); i++) {
			Tour.StepDetails step = steps.get(i);
			String selector = (step == null) ? null : trimmed(step.selector());
			String title = (step == null) ? null : trimmed(step.title());
			if (selector == null) {
				errors.putIfAbsent("steps",
						"Step " + (i + 1) + " has no selector: give the CSS selector of the element it "
								+ "points at (e.g. #nav-forecast).");
			}
			else if (selector.length() > 300) {
				errors.putIfAbsent("steps", "Step " + (i + 1) + "'s selector is longer than 300 characters.");
			}
			else if (title == null) {
				errors.putIfAbsent("steps", "Step " + (i + 1) + " has no title.");
			}
			else if (title.length() > 120) {
				errors.putIfAbsent("steps", "Step " + (i + 1) + "'s title is longer than 120 characters.");
			}
		}
		InputValidation.throwIfAny(errors);
		return new Valid(name, path, roles.stream().map(Role::name).toArray(String[]::new), feature,
				details.active() == null || details.active(), steps);
	}

	private static String trimmed(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object role : (Object[]) array.getArray()) {
			roles.add(Role.valueOf((String) role));
		}
		return roles;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A tour with what its audience did with it.
	 *
	 * @param missingTargets steps reported missing on a page
	 */
	public record Overview(Tour tour, int shown, int completed, int dismissed, int missingTargets) {
	}

	/**
	 * A step whose target element was missing on a page.
	 */
	public record MissingTarget(int step, String selector, String path, int reports, Instant lastReportedAt) {

		/**
		 * @return e.g. "step 3's target #foo is missing on /pipeline"
		 */
		@com.fasterxml.jackson.annotation.JsonProperty("message")
		public String message() {
			return "step " + this.step + "'s target " + this.selector + " is missing on " + this.path;
		}

	}

	/**
	 * What one person did with a tour.
	 */
	public record PersonView(UUID userId, String fullName, Instant firstShownAt, int timesShown, Instant completedAt,
			Instant dismissedAt, int stepReached) {
	}

	/**
	 * One person's use of the tour's feature, in days, before and after completing it.
	 */
	public record PersonResult(UUID userId, String fullName, LocalDate completedOn, int daysBefore, int daysAfter,
			int change, boolean measured) {
	}

	/**
	 * @param featureKey {@code null} when the tour has no feature chosen
	 * @param medianChange the median change of the people measured, {@code null} for none
	 */
	public record Results(UUID tourId, String featureKey, List<PersonResult> people, Double medianChange,
			int measured) {
	}

}
