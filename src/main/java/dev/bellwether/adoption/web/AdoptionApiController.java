package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.ScoreWeights;
import dev.bellwether.adoption.Cascade;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.LateEntry;
import dev.bellwether.adoption.Movers;
import dev.bellwether.adoption.TimeToFirstValue;
import dev.bellwether.adoption.Trend;
import dev.bellwether.adoption.UsageHeatmap;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.PipelineHygiene;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every adoption figure, scoped like the pages: without {@code team} or {@code user}, an
 * executive or administrator gets the whole company, a manager their organisation and
 * anyone else themselves; {@code team=<manager id>} and {@code user=<id>} narrow it
 * within what the caller may see (404 outside it). Every answer says when its figures
 * were computed ({@code computedAt}): they are kept for up to
 * {@code bellwether.adoption.figures.max-age} and shared by every request. Under the
 * aggregate-only privacy policy, answers made of each person's figures (users, movers,
 * heat map, time to first value, scores) are refused with 403 for anyone but the person
 * themselves, the cascade comes without managers and small levels, late entry without
 * owners and managers, and a team smaller than the minimum group is refused.
 */
@RestController
@RequestMapping("/api/v1/adoption")
@Tag(name = "Adoption", description = "Who uses the CRM: the figures of docs/adoption-metrics.md for a scope and a "
		+ "day. Scope: team=<manager id> (their organisation), user=<id>, or by default the caller's widest view.")
class AdoptionApiController {

	private final AdoptionMetrics metrics;

	private final AdoptionAccess access;

	private final UsageHeatmap heatmap;

	private final AdoptionScores scores;

	AdoptionApiController(AdoptionMetrics metrics, AdoptionAccess access, UsageHeatmap heatmap, AdoptionScores scores) {
		this.scores = scores;
		this.metrics = metrics;
		this.access = access;
		this.heatmap = heatmap;
	}

	@GetMapping("/headline")
	@Operation(summary = "Headline figures: DAU/WAU/MAU, stickiness, adoption rate and band, health, breadth, depth, "
			+ "reporting from the system, export leakage")
	AdoptionAnswer<Headline> headline(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean businessDays) {
		return AdoptionAnswer.of(this.metrics.computedHeadline(scope(viewer, team, user), day(asOf), businessDays));
	}

	@GetMapping("/users")
	@Operation(summary = "Each person's figures and health class, by name (the drill-down behind the figures), "
			+ "with when they were computed")
	UsersAnswer users(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "HEALTHY, AT_RISK, LAPSING, DORMANT or NEVER") @RequestParam(
					required = false) String health) {
		Health wanted = health == null || health.isBlank() ? null : AdoptionController.health(health);
		LocalDate day = day(asOf);
		AdoptionScope scope = individuals(viewer, scope(viewer, team, user));
		var computed = this.metrics.computedUsers(scope, day);
		return new UsersAnswer(day, computed.computedAt(),
				computed.figures().stream().filter(u -> wanted == null || u.health() == wanted).toList());
	}

	@GetMapping("/cascade")
	@Operation(summary = "Figures by org level, each manager beside their team, executives looking at team figures")
	AdoptionAnswer<Cascade> cascade(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean businessDays) {
		AdoptionScope scope = scope(viewer, team, null);
		var computed = this.metrics.computedCascade(scope, day(asOf), businessDays);
		return this.access.individualsHidden(viewer, scope)
				? new AdoptionAnswer<>(PrivacyFilter.aggregates(computed.figures(), this.access.hiddenBelow()),
						computed.computedAt())
				: AdoptionAnswer.of(computed);
	}

	@GetMapping("/trend")
	@Operation(summary = "The headline figures for each of the 26 weeks ending on the day")
	AdoptionAnswer<Trend> trend(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean businessDays) {
		return AdoptionAnswer.of(this.metrics.computedTrend(scope(viewer, team, user), day(asOf), businessDays));
	}

	@GetMapping("/movers")
	@Operation(summary = "Most improved and most declined: active days in the last 28 against the 28 before")
	AdoptionAnswer<Movers> movers(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "10") int limit) {
		if (limit < 1 || limit > 100) {
			throw new InvalidInputException("limit", "Ask for 1 to 100 people in each list.");
		}
		return AdoptionAnswer
			.of(this.metrics.computedMovers(individuals(viewer, scope(viewer, team, null)), day(asOf), limit));
	}

	@GetMapping("/freshness")
	@Operation(summary = "Open pipeline touched in the last N days (count, value), overdue, neglected, close-date "
			+ "pushes this quarter")
	FreshnessAnswer freshness(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user, @RequestParam(defaultValue = "30") int days,
			@Parameter(description = "Freshness is known as of today only; another day is answered for today, "
					+ "and the answer's asOfNote says so") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		if (days < 1 || days > 365) {
			throw new InvalidInputException("days", "Use 1 to 365 days.");
		}
		LocalDate askedFor = day(asOf);
		LocalDate today = this.metrics.today();
		var computed = this.metrics.computedFreshness(scope(viewer, team, user), days);
		return new FreshnessAnswer(computed.figures(), today, computed.computedAt(),
				askedFor.equals(today) ? null : FreshnessAnswer.notForPastDays(askedFor, today));
	}

	@GetMapping("/late-entry")
	@Operation(summary = "Deals closed in a period entered late (first category COMMIT/CLOSED, or created within a "
			+ "day of closing), by count and amount, per owner and manager")
	AdoptionAnswer<LateEntry> lateEntry(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = to == null ? this.metrics.today() : to;
		LocalDate start = from == null ? end.minusDays(89) : from;
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", "Start the period on or before its end (" + end + ").");
		}
		AdoptionScope scope = scope(viewer, team, user);
		var computed = this.metrics.computedLateEntry(scope, start, end);
		return this.access.individualsHidden(viewer, scope)
				? new AdoptionAnswer<>(PrivacyFilter.aggregates(computed.figures()), computed.computedAt())
				: AdoptionAnswer.of(computed);
	}

	@GetMapping("/time-to-first-value")
	@Operation(summary = "Provisioning to the first own deal advanced a stage: per person and median per monthly "
			+ "cohort")
	AdoptionAnswer<TimeToFirstValue> timeToFirstValue(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return AdoptionAnswer
			.of(this.metrics.computedTimeToFirstValue(individuals(viewer, scope(viewer, team, null)), day(asOf)));
	}

	@GetMapping("/heatmap")
	@Operation(summary = "People × weeks: active days in each week, a page of people at a time")
	AdoptionAnswer<UsageHeatmap.Heatmap> heatmap(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "13") int weeks, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (weeks < 1 || weeks > UsageHeatmap.MAX_WEEKS) {
			throw new InvalidInputException("weeks", "Ask for 1 to " + UsageHeatmap.MAX_WEEKS + " weeks.");
		}
		if (size < 1 || size > 200 || page < 0) {
			throw new InvalidInputException("size", "Ask for pages of 1 to 200 people, from page 0.");
		}
		return AdoptionAnswer
			.of(this.heatmap.computed(individuals(viewer, scope(viewer, team, null)), day(asOf), weeks, page, size));
	}

	@GetMapping("/scores")
	@Operation(summary = "Adoption scores (0-100) of a month or quarter, best first",
			description = "period=MONTH or QUARTER; day: any day of the period (today by default). Without scores, "
					+ "status says why: TOO_EARLY (none of the period's working days has ended) or NOT_COMPUTED "
					+ "(computed every night).")
	ScoresAnswer scores(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID user, @RequestParam(defaultValue = "MONTH") String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		Score.PeriodKind kind;
		try {
			kind = Score.PeriodKind.valueOf(period.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("period", "'" + period + "' is not a period; use MONTH or QUARTER.");
		}
		AdoptionScores.Period shown = this.scores.period(kind, day(day));
		return ScoresAnswer.of(shown, this.scores.measured(shown, this.metrics.today()),
				this.scores.scores(individuals(viewer, scope(viewer, team, user)), shown));
	}

	@GetMapping("/scores/weights")
	@Operation(summary = "The adoption score's weights")
	ScoreWeights weights() {
		return this.scores.weights();
	}

	@org.springframework.web.bind.annotation.PutMapping("/scores/weights")
	@Operation(summary = "Change the score's weights (administrators)",
			description = "Whole numbers 0-100, not all 0; used from the next computation on.")
	ScoreWeights updateWeights(Viewer viewer,
			@org.springframework.web.bind.annotation.RequestBody ScoreWeights weights) {
		if (viewer.role() != Role.ADMIN) {
			throw new dev.bellwether.platform.ForbiddenException("Only administrators change the score's weights.");
		}
		return this.scores.updateWeights(weights, viewer.id());
	}

	/**
	 * @return the scope, when the privacy policy lets the viewer see its people's own
	 * figures
	 */
	private AdoptionScope individuals(Viewer viewer, AdoptionScope scope) {
		this.access.requireIndividuals(viewer, scope);
		return scope;
	}

	private AdoptionScope scope(Viewer viewer, UUID team, UUID user) {
		if (user != null) {
			return this.access.person(viewer, user);
		}
		if (team != null) {
			return this.access.team(viewer, team);
		}
		if (this.access.seesEveryone(viewer)) {
			return AdoptionScope.everyone();
		}
		return viewer.role() == Role.MANAGER ? this.access.team(viewer, null) : AdoptionScope.user(viewer.id());
	}

	private LocalDate day(LocalDate asOf) {
		LocalDate today = this.metrics.today();
		if (asOf != null && asOf.isAfter(today)) {
			throw new InvalidInputException("asOf", "Pick a day up to today (" + today + ").");
		}
		return asOf == null ? today : asOf;
	}

}
