package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.DealFacts.DealProgress;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The marketing funnel and the hand-off to sales: a cohort of leads (created in a period)
 * through the lifecycle stages Lead → MQL → SQL → Opportunity → Customer, with each
 * step's conversion and median time, by source or by campaign, and the leaks where leads
 * are lost (never touched, accepted but never converted, opportunities never advanced).
 * <p>
 * Everything goes through {@link Leads#ACCESS}: a rep sees the funnel of their own leads.
 * The leads of the period come in one query, their campaigns in one, and the deals they
 * were converted into from sales ({@link DealFacts#progressOf}); the rest is counting in
 * memory. The definitions are in docs/marketing.md (<i>Funnel and hand-off</i>).
 */
@Service
@Transactional(readOnly = true)
public class MarketingFunnel {

	/** A lead is a leak when it has been stuck for longer than this, unless told. */
	public static final int DEFAULT_LEAK_DAYS = 14;

	/** The most days a leak may be told to wait. */
	public static final int MAX_LEAK_DAYS = 36_500;

	/** The lifecycle stages, in order; each one's leads are among the previous one's. */
	public enum Stage {

		LEAD("Lead", "created in the period"), MQL("MQL", "accepted by sales: left New for Working or Qualified"),
		SQL("SQL", "qualified: entered Qualified, or converted"), OPPORTUNITY("Opportunity", "converted with a deal"),
		CUSTOMER("Customer", "its deal won");

		private final String label;

		private final String definition;

		Stage(String label, String definition) {
			this.label = label;
			this.definition = definition;
		}

		public String label() {
			return this.label;
		}

		public String definition() {
			return this.definition;
		}

		/** What the median time of the step into this stage measures. */
		public String timeDefinition() {
			return switch (this) {
				case LEAD -> "";
				case MQL -> "accepted − created";
				case SQL -> "qualified − accepted";
				case OPPORTUNITY -> "converted − qualified";
				case CUSTOMER -> "deal won − deal created";
			};
		}

		public static Stage parse(String text, String field) {
			return parseEnum(Stage.class, text, field, "lifecycle stage");
		}

	}

	/** What the funnel is broken down by. */
	public enum Grouping {

		SOURCE, CAMPAIGN;

		public static Grouping parse(String text, String field) {
			return StringUtils.hasText(text) ? parseEnum(Grouping.class, text, field, "funnel breakdown") : SOURCE;
		}

	}

	/** Where leads are lost. */
	public enum Leak {

		UNTOUCHED("Leads never touched", "still New, no activity logged, created more than %d days ago"),
		NOT_CONVERTED("Accepted, never converted",
				"Working or Qualified, not converted, accepted more than %d days ago"),
		NOT_ADVANCED("Opportunities never advanced",
				"converted more than %d days ago into a deal still open in the stage it was created in");

		private final String label;

		private final String definition;

		Leak(String label, String definition) {
			this.label = label;
			this.definition = definition;
		}

		public String label() {
			return this.label;
		}

		public String definition(int days) {
			return this.definition.formatted(days);
		}

		public static Leak parse(String text, String field) {
			return parseEnum(Leak.class, text, field, "funnel leak");
		}

	}

	/**
	 * A stage of a funnel.
	 *
	 * @param conversion this stage's count ÷ the previous stage's, as a fraction to four
	 * places; {@code null} for the first stage and after a stage of none
	 * @param medianTime the median time of the step into this stage, over the leads that
	 * reached it (see {@link Stage#timeDefinition()}); {@code null} for the first stage
	 * and when no lead reached it
	 */
	public record Step(Stage stage, long count, BigDecimal conversion, Duration medianTime) {

		public Double medianDays() {
			return this.medianTime == null ? null : this.medianTime.toSeconds() / 86_400.0;
		}

	}

	/**
	 * The funnel of a group of the cohort (or of all of it).
	 *
	 * @param key what identifies the group in a drill-down: a source as leads store it, a
	 * campaign's id, {@code ""} for leads without a source or campaign, {@code null} for
	 * the whole cohort
	 */
	public record Group(String key, String label, List<Step> steps) {

		public long leads() {
			return this.steps.get(0).count();
		}

	}

	public record LeakCount(Leak leak, long count, String definition) {

	}

	/**
	 * The funnel of the leads created from {@code from} to {@code to} (days in the
	 * company's time zone, both included) that the viewer may see.
	 *
	 * @param groups by source or campaign, the most leads first; a lead in several
	 * campaigns counts in each
	 * @param leaks counted among the same leads, judged now
	 */
	public record Funnel(LocalDate from, LocalDate to, Grouping by, int leakDays, Group total, List<Group> groups,
			List<LeakCount> leaks) {

		/**
		 * @param group a {@link Group#key()}, or {@code null} for the whole period
		 * @return where the leads of the period (in the group) that reached the stage are
		 * listed
		 */
		public String link(String group, Stage stage) {
			UriComponentsBuilder link = leadsLink().queryParam("stage", stage.name());
			if (group != null) {
				link.queryParam("group", group);
			}
			return link.encode().toUriString();
		}

		/** Where the leads of the leak are listed. */
		public String link(Leak leak) {
			return leadsLink().queryParam("leak", leak.name()).queryParam("days", this.leakDays).toUriString();
		}

		private UriComponentsBuilder leadsLink() {
			return UriComponentsBuilder.fromPath("/marketing/funnel/leads")
				.queryParam("from", this.from)
				.queryParam("to", this.to)
				.queryParam("by", this.by.name().toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * What a drill-down lists: the leads of the period (in a group, when given) that
	 * reached a stage, or that are in a leak.
	 *
	 * @param group a {@link Group#key()}, or {@code null} for every lead of the period
	 * @param stage the stage reached (ignored when a leak is given)
	 */
	public record Slice(LocalDate from, LocalDate to, Grouping by, String group, Stage stage, Leak leak, int leakDays) {

	}

	/** A lead of the cohort as the funnel sees it. */
	private record Journey(UUID id, String source, LeadStatus status, Instant created, Instant accepted,
			Instant qualified, Instant converted, Instant firstActivity, DealProgress deal) {

		boolean reached(Stage stage) {
			return switch (stage) {
				case LEAD -> true;
				case MQL -> this.accepted != null;
				case SQL -> reached(Stage.MQL) && (this.qualified != null || this.converted != null);
				case OPPORTUNITY -> reached(Stage.SQL) && this.converted != null && this.deal != null;
				case CUSTOMER -> reached(Stage.OPPORTUNITY) && this.deal.won() && this.deal.closedAt() != null;
			};
		}

		/**
		 * When the lead qualified: it entered Qualified, or was converted, whichever
		 * first.
		 */
		Instant qualifiedAt() {
			if (this.qualified == null || (this.converted != null && this.converted.isBefore(this.qualified))) {
				return this.converted;
			}
			return this.qualified;
		}

		/** The time of the step into the stage, for a lead that reached it. */
		Duration timeInto(Stage stage) {
			return switch (stage) {
				case LEAD -> null;
				case MQL -> Duration.between(this.created, this.accepted);
				case SQL -> Duration.between(this.accepted, qualifiedAt());
				case OPPORTUNITY -> Duration.between(qualifiedAt(), this.converted);
				case CUSTOMER -> Duration.between(this.deal.createdAt(), this.deal.closedAt());
			};
		}

		boolean leaks(Leak leak, Instant cutoff) {
			return switch (leak) {
				case UNTOUCHED ->
					this.status == LeadStatus.NEW && this.firstActivity == null && this.created.isBefore(cutoff);
				case NOT_CONVERTED -> (this.status == LeadStatus.WORKING || this.status == LeadStatus.QUALIFIED)
						&& this.converted == null && this.accepted != null && this.accepted.isBefore(cutoff);
				case NOT_ADVANCED -> this.deal != null && this.deal.stuckInFirstStage() && this.converted != null
						&& this.converted.isBefore(cutoff);
			};
		}

	}

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final DealFacts deals;

	private final PickLists pickLists;

	private final FiscalCalendar calendar;

	private final Clock clock;

	MarketingFunnel(JdbcClient jdbc, RecordVisibility visibility, DealFacts deals, PickLists pickLists,
			FiscalCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.deals = deals;
		this.pickLists = pickLists;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The default period: the current fiscal year. */
	public FiscalCalendar.Period defaultPeriod() {
		return this.calendar.yearOf(this.calendar.today());
	}

	/**
	 * @throws InvalidInputException when the period ends before it starts or the leak
	 * days are out of range
	 */
	public Funnel funnel(Viewer viewer, LocalDate from, LocalDate to, Grouping by, int leakDays) {
		check(from, to, leakDays);
		List<Journey> cohort = cohort(viewer, from, to);
		Map<String, List<Journey>> grouped = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		group(viewer, from, to, by, cohort, grouped, labels);
		List<Group> groups = grouped.entrySet()
			.stream()
			.map(e -> new Group(e.getKey(), labels.get(e.getKey()), steps(e.getValue())))
			.sorted(Comparator.comparingLong(Group::leads)
				.reversed()
				.thenComparing(g -> g.label().toLowerCase(Locale.ROOT)))
			.toList();
		Instant cutoff = cutoff(leakDays);
		List<LeakCount> leaks = new ArrayList<>();
		for (Leak leak : Leak.values()) {
			leaks.add(new LeakCount(leak, cohort.stream().filter(j -> j.leaks(leak, cutoff)).count(),
					leak.definition(leakDays)));
		}
		return new Funnel(from, to, by, leakDays, new Group(null, "All leads", steps(cohort)), groups, leaks);
	}

	/**
	 * The leads behind a figure of the funnel, the newest first.
	 */
	public Page<Lead> leads(Viewer viewer, Slice slice, Pageable pageable) {
		check(slice.from(), slice.to(), slice.leakDays());
		List<Journey> cohort = cohort(viewer, slice.from(), slice.to());
		if (slice.group() != null) {
			Map<String, List<Journey>> grouped = new LinkedHashMap<>();
			group(viewer, slice.from(), slice.to(), slice.by(), cohort, grouped, new HashMap<>());
			cohort = grouped.getOrDefault(slice.group(), List.of());
		}
		Instant cutoff = cutoff(slice.leakDays());
		Predicate<Journey> wanted = (slice.leak() != null) ? j -> j.leaks(slice.leak(), cutoff)
				: j -> j.reached(slice.stage() == null ? Stage.LEAD : slice.stage());
		List<UUID> ids = cohort.stream()
			.filter(wanted)
			.sorted(Comparator.comparing(Journey::created).thenComparing(Journey::id).reversed())
			.map(Journey::id)
			.toList();
		int first = (int) Math.min(pageable.getOffset(), ids.size());
		List<UUID> page = ids.subList(first, Math.min(ids.size(), first + pageable.getPageSize()));
		Map<UUID, Lead> found = page.isEmpty() ? Map.of()
				: this.jdbc.sql("select l.* from leads l where l.id in (:ids)")
					.param("ids", page)
					.query(Leads::map)
					.list()
					.stream()
					.collect(Collectors.toMap(Lead::id, Function.identity()));
		return new PageImpl<>(page.stream().map(found::get).filter(java.util.Objects::nonNull).toList(), pageable,
				ids.size());
	}

	/**
	 * The leads waiting for sales to take them on: New and never accepted, that the
	 * viewer may see, the oldest first.
	 */
	public Page<Lead> waiting(Viewer viewer, Pageable pageable) {
		SqlFilter visible = this.visibility.readFilter(viewer, Leads.ACCESS, "l.owner_id");
		String where = "l.deleted_at is null and l.status = 'NEW' and l.accepted_at is null and " + visible.sql();
		long total = this.jdbc.sql("select count(*) from leads l where " + where)
			.params(visible.parameters())
			.query(Long.class)
			.single();
		List<Lead> leads = this.jdbc
			.sql("select l.* from leads l where " + where + " order by l.created_at, l.id limit :limit offset :offset")
			.params(visible.parameters())
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Leads::map)
			.list();
		return new PageImpl<>(leads, pageable, total);
	}

	private void check(LocalDate from, LocalDate to, int leakDays) {
		if (from == null || to == null) {
			throw new InvalidInputException(from == null ? "from" : "to", "Give the period's first and last day.");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		if (leakDays < 1 || leakDays > MAX_LEAK_DAYS) {
			throw new InvalidInputException("days", "A leak waits from 1 to " + MAX_LEAK_DAYS + " days.");
		}
	}

	private Instant cutoff(int leakDays) {
		return this.clock.instant().minus(Duration.ofDays(leakDays));
	}

	/**
	 * The visible leads created in the period (not in the recycle bin), with their deals.
	 */
	private List<Journey> cohort(Viewer viewer, LocalDate from, LocalDate to) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = cohortWhere(viewer, from, to, params);
		List<Object[]> rows = new ArrayList<>();
		this.jdbc.sql("""
				select l.id, l.source, l.status, l.created_at, l.accepted_at, l.converted_at, l.first_activity_at,
				       l.converted_opportunity_id,
				       (select min(c.changed_at) from lead_status_changes c
				        where c.lead_id = l.id and c.to_status = 'QUALIFIED') as qualified_at
				from leads l where
				""" + where)
			.params(params)
			.query((RowCallbackHandler) rs -> rows.add(new Object[] { rs.getObject("id", UUID.class),
					rs.getString("source"), LeadStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
					instant(rs, "accepted_at"), instant(rs, "qualified_at"), instant(rs, "converted_at"),
					instant(rs, "first_activity_at"), rs.getObject("converted_opportunity_id", UUID.class) }));
		Map<UUID, DealProgress> progress = this.deals.progressOf(
				rows.stream().map(row -> (UUID) row[8]).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
		return rows.stream()
			.map(r -> new Journey((UUID) r[0], (String) r[1], (LeadStatus) r[2], (Instant) r[3], (Instant) r[4],
					(Instant) r[5], (Instant) r[6], (Instant) r[7], (r[8] == null) ? null : progress.get((UUID) r[8])))
			.toList();
	}

	private String cohortWhere(Viewer viewer, LocalDate from, LocalDate to, Map<String, Object> params) {
		SqlFilter visible = this.visibility.readFilter(viewer, Leads.ACCESS, "l.owner_id");
		params.putAll(visible.parameters());
		params.put("start", utc(this.calendar.startOf(from)));
		params.put("end", utc(this.calendar.startOf(to.plusDays(1))));
		return "l.deleted_at is null and l.created_at >= :start and l.created_at < :end and " + visible.sql();
	}

	/**
	 * Puts the cohort's leads into their groups: by source (as leads store it), or by
	 * every campaign they are lead members of; {@code ""} for none.
	 */
	private void group(Viewer viewer, LocalDate from, LocalDate to, Grouping by, List<Journey> cohort,
			Map<String, List<Journey>> grouped, Map<String, String> labels) {
		if (by == Grouping.SOURCE) {
			for (Journey journey : cohort) {
				String key = journey.source() == null ? "" : journey.source();
				grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(journey);
				labels.computeIfAbsent(key,
						k -> k.isEmpty() ? "No source" : this.pickLists.label(Leads.SOURCES, journey.source()));
			}
			return;
		}
		Map<UUID, Journey> byId = cohort.stream().collect(Collectors.toMap(Journey::id, Function.identity()));
		Map<String, Object> params = new LinkedHashMap<>();
		String where = cohortWhere(viewer, from, to, params);
		Set<UUID> inACampaign = new java.util.HashSet<>();
		this.jdbc.sql("""
				select distinct m.campaign_id, c.name, m.member_id
				from campaign_members m join campaigns c on c.id = m.campaign_id join leads l on l.id = m.member_id
				where m.member_type = 'LEAD' and
				""" + where).params(params).query((RowCallbackHandler) rs -> {
			Journey journey = byId.get(rs.getObject("member_id", UUID.class));
			if (journey != null) {
				String key = rs.getObject("campaign_id", UUID.class).toString();
				grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(journey);
				labels.put(key, rs.getString("name"));
				inACampaign.add(journey.id());
			}
		});
		List<Journey> none = cohort.stream().filter(j -> !inACampaign.contains(j.id())).toList();
		if (!none.isEmpty()) {
			grouped.put("", new ArrayList<>(none));
			labels.put("", "No campaign");
		}
	}

	private static List<Step> steps(List<Journey> journeys) {
		List<Step> steps = new ArrayList<>();
		Long previous = null;
		for (Stage stage : Stage.values()) {
			List<Journey> reached = journeys.stream().filter(j -> j.reached(stage)).toList();
			long count = reached.size();
			BigDecimal conversion = (previous == null || previous == 0) ? null
					: BigDecimal.valueOf(count).divide(BigDecimal.valueOf(previous), 4, RoundingMode.HALF_EVEN);
			Duration median = (stage == Stage.LEAD) ? null
					: median(reached.stream().map(j -> j.timeInto(stage)).toList());
			steps.add(new Step(stage, count, conversion, median));
			previous = count;
		}
		return steps;
	}

	/**
	 * The median: the middle one, or halfway between the two middle ones; {@code null}
	 * for none.
	 */
	static Duration median(List<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		List<Duration> sorted = durations.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return sorted.get(middle);
		}
		return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field, String what) {
		if (!StringUtils.hasText(text)) {
			throw new InvalidInputException(field, "Choose a " + what + ".");
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field,
					"'" + text.trim() + "' is no " + what + "; use one of "
							+ java.util.Arrays.stream(type.getEnumConstants())
								.map(e -> e.name().toLowerCase(Locale.ROOT))
								.collect(Collectors.joining(", "))
							+ ".");
		}
	}

}
