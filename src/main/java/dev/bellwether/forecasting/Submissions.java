package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Forecast submissions, "the call" (docs/forecasting.md, "Submissions"): a manager
 * submits their forecast for a period, kept as it stood then; any two can be compared,
 * and the grid shows who has not submitted this week.
 */
@Service
@Transactional(readOnly = true)
public class Submissions {

	public static final String RECORD_TYPE = "forecast submission";

	private final JdbcClient jdbc;

	private final Forecasts forecasts;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final Clock clock;

	Submissions(JdbcClient jdbc, Forecasts forecasts, OrgChart orgChart, UserDirectory users, FiscalCalendar calendar,
			Clock clock) {
		this.jdbc = jdbc;
		this.forecasts = forecasts;
		this.orgChart = orgChart;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * A submission made, or the one already made in the same minute.
	 *
	 * @param created {@code false} when a submission of the same person and period was
	 * already made in this minute: nothing was written
	 */
	public record Submitted(Submission submission, boolean created) {
	}

	/**
	 * Two submissions side by side.
	 */
	public record Comparison(Submission a, Submission b, List<Difference> figures) {
	}

	/**
	 * One figure of two submissions: {@code change} = b − a ({@code null} when either is
	 * none).
	 */
	public record Difference(String figure, BigDecimal a, BigDecimal b, BigDecimal change) {
	}

	/**
	 * Where a manager of the viewer's organisation stands with the call for a period.
	 *
	 * @param latest their latest submission for the period; {@code null} for none
	 * @param previous the one before it; {@code null} for none
	 * @param submittedThisWeek whether they submitted for the period in the current ISO
	 * week of the company time zone
	 */
	public record CallStatus(UUID userId, String name, Submission latest, Submission previous,
			boolean submittedThisWeek) {
	}

	/**
	 * @return whether the person submits a forecast: someone with direct reports
	 */
	public boolean submits(UUID userId) {
		return !this.orgChart.directReports(userId).isEmpty();
	}

	/**
	 * Submits the viewer's forecast for the period: their team row, gross and adjusted,
	 * with the team quota, as it is now. A second submission in the same minute is a
	 * no-op (the unique index decides, so two at once still make one row).
	 * @throws ForbiddenException for someone without reports
	 */
	@Transactional
	public Submitted submit(Viewer viewer, String periodCode) {
		FiscalPeriod period = this.forecasts.period(periodCode);
		if (!submits(viewer.id())) {
			throw new ForbiddenException("userId",
					"Managers submit their forecast; your manager's submission includes yours.");
		}
		ForecastRow top = this.forecasts.forecast(viewer, period.code(), viewer.id()).total();
		Instant now = this.clock.instant();
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		int inserted = this.jdbc.sql("""
				insert into forecast_submissions (id, user_id, period_code, submitted_at, submitted_minute, iso_week,
				  closed, commit_amount, best_case, pipeline, omitted, adjusted_commit, adjusted_best_case,
				  adjusted_pipeline, quota)
				values (:id, :userId, :period, :now, :minute, :week, :closed, :commit, :bestCase, :pipeline, :omitted,
				  :adjustedCommit, :adjustedBestCase, :adjustedPipeline, :quota)
				on conflict (user_id, period_code, submitted_minute) do nothing
				""")
			.param("id", Ids.newId())
			.param("userId", viewer.id())
			.param("period", period.code())
			.param("now", utc(now))
			.param("minute", utc(minute))
			.param("week", week(now))
			.param("closed", top.amounts().closed())
			.param("commit", top.amounts().commit())
			.param("bestCase", top.amounts().bestCase())
			.param("pipeline", top.amounts().pipeline())
			.param("omitted", top.amounts().omitted())
			.param("adjustedCommit", top.adjusted().commit())
			.param("adjustedBestCase", top.adjusted().bestCase())
			.param("adjustedPipeline", top.adjusted().pipeline())
			.param("quota", top.measures().quota())
			.update();
		Submission made = this.jdbc
			.sql("select * from forecast_submissions where user_id = :userId and period_code = :period "
					+ "and submitted_minute = :minute")
			.param("userId", viewer.id())
			.param("period", period.code())
			.param("minute", utc(minute))
			.query(Submissions::submission)
			.single();
		return new Submitted(made, inserted == 1);
	}

	/**
	 * @return the ISO week (e.g. 2026-W25) of the instant in the company time zone
	 */
	public String week(Instant at) {
		var day = at.atZone(this.calendar.zone()).toLocalDate();
		return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * @return every submission for the period of the manager's organisation (the manager
	 * and everyone below), newest first
	 * @throws ForbiddenException as the forecast
	 */
	public List<Submission> list(Viewer viewer, String periodCode, UUID managerId) {
		FiscalPeriod period = this.forecasts.period(periodCode);
		UUID top = managerId != null ? managerId : viewer.id();
		return of(organisation(viewer, top).stream().map(Person::id).toList(), period.code());
	}

	/**
	 * @return the submission, if the viewer may see its person's forecast
	 * @throws RecordNotFoundException for none; {@link ForbiddenException} for one of
	 * someone the viewer may not see
	 */
	public Submission get(Viewer viewer, UUID id) {
		Submission found = this.jdbc.sql("select * from forecast_submissions where id = :id")
			.param("id", id)
			.query(Submissions::submission)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!this.forecasts.canSee(viewer, found.userId())) {
			throw new ForbiddenException("id", "That submission is of someone whose forecast you can't see.");
		}
		return found;
	}

	/**
	 * @return the two submissions figure by figure (b − a)
	 */
	public Comparison compare(Viewer viewer, UUID a, UUID b) {
		if (a == null || b == null) {
			throw new InvalidInputException(a == null ? "a" : "b", "Name two submissions to compare: a= and b=.");
		}
		Submission first = get(viewer, a);
		Submission second = get(viewer, b);
		List<Difference> figures = new ArrayList<>();
		figure(figures, "Closed", first, second, Submission::closed);
		figure(figures, "Commit", first, second, Submission::commit);
		figure(figures, "Best case", first, second, Submission::bestCase);
		figure(figures, "Pipeline", first, second, Submission::pipeline);
		figure(figures, "Omitted", first, second, Submission::omitted);
		figure(figures, "Adjusted commit", first, second, Submission::adjustedCommit);
		figure(figures, "Adjusted best case", first, second, Submission::adjustedBestCase);
		figure(figures, "Adjusted pipeline", first, second, Submission::adjustedPipeline);
		figure(figures, "Commit forecast", first, second, Submission::commitForecast);
		figure(figures, "Adjusted commit forecast", first, second, Submission::adjustedCommitForecast);
		figure(figures, "Adjusted best case forecast", first, second, Submission::adjustedBestCaseForecast);
		figure(figures, "Quota", first, second, Submission::quota);
		return new Comparison(first, second, figures);
	}

	/**
	 * @return for the manager (by default the viewer) and every active manager below
	 * them, their latest and previous submission for the period and whether they
	 * submitted this week; the manager first, then the others depth first
	 */
	public List<CallStatus> status(Viewer viewer, String periodCode, UUID managerId) {
		FiscalPeriod period = this.forecasts.period(periodCode);
		UUID top = managerId != null ? managerId : viewer.id();
		OrgTree tree = new OrgTree(this.users.people());
		List<Person> submitters = organisation(viewer, top).stream()
			.filter(person -> person.active() && !tree.reportsOf(person.id()).isEmpty())
			.toList();
		Map<UUID, List<Submission>> byPerson = new HashMap<>();
		for (Submission submission : of(submitters.stream().map(Person::id).toList(), period.code())) {
			byPerson.computeIfAbsent(submission.userId(), id -> new ArrayList<>()).add(submission);
		}
		String thisWeek = week(this.clock.instant());
		List<CallStatus> status = new ArrayList<>();
		for (Person person : submitters) {
			List<Submission> made = byPerson.getOrDefault(person.id(), List.of());
			Submission latest = made.isEmpty() ? null : made.get(0);
			status.add(new CallStatus(person.id(), person.fullName(), latest, made.size() > 1 ? made.get(1) : null,
					latest != null && latest.week().equals(thisWeek)));
		}
		return status;
	}

	private List<Person> organisation(Viewer viewer, UUID top) {
		OrgTree tree = new OrgTree(this.users.people());
		if (!tree.contains(top)) {
			throw new InvalidInputException("manager", "There is no user with id " + top + ".");
		}
		if (!this.forecasts.canSee(viewer, top)) {
			throw new ForbiddenException("manager",
					"You can see the forecast of yourself and the people below you, not " + tree.person(top).fullName()
							+ "'s.");
		}
		return tree.organisationOf(top);
	}

	/**
	 * The submissions these people made for a period, newest first (no visibility check:
	 * for the module's own figures).
	 */
	List<Submission> made(Collection<UUID> userIds, String periodCode) {
		return of(userIds, periodCode);
	}

	private List<Submission> of(Collection<UUID> userIds, String periodCode) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from forecast_submissions where user_id in (:users) and period_code = :period
				order by submitted_at desc, id desc
				""")
			.param("users", List.copyOf(userIds))
			.param("period", periodCode)
			.query(Submissions::submission)
			.list();
	}

	private static void figure(List<Difference> figures, String name, Submission a, Submission b,
			Function<Submission, BigDecimal> value) {
		BigDecimal x = value.apply(a);
		BigDecimal y = value.apply(b);
		figures.add(new Difference(name, x, y, x == null || y == null ? null : y.subtract(x)));
	}

	private static Submission submission(ResultSet rs, int n) throws SQLException {
		return new Submission(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("period_code"), instant(rs, "submitted_at"), rs.getString("iso_week"),
				rs.getBigDecimal("closed"), rs.getBigDecimal("commit_amount"), rs.getBigDecimal("best_case"),
				rs.getBigDecimal("pipeline"), rs.getBigDecimal("omitted"), rs.getBigDecimal("adjusted_commit"),
				rs.getBigDecimal("adjusted_best_case"), rs.getBigDecimal("adjusted_pipeline"),
				rs.getBigDecimal("quota"));
	}

}
