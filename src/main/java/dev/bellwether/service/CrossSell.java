package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.sales.DealRevenue;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Cross-sell revenue and the hand-off from sales, over the deals won in a period (company
 * time zone, both days included; a deal is won at the instant its stage became a won
 * one).
 * <ul>
 * <li><b>Service-sourced won</b>: the amount of each won deal that an agent made from a
 * case (linked {@link CaseDealKind#CROSS_SELL}) or whose lead source is the sales list's
 * "Service". It counts for the agent who made it from the case (and that agent's team); a
 * deal with the lead source but no case counts for "no agent".</li>
 * <li><b>New product lines won</b>: the line totals of won deals' line items whose
 * product the account had never bought in an earlier won deal, on an account that had won
 * a deal before (an existing customer) — see
 * {@link DealRevenue#newProductLinesWonBetween}. Lines of a service-sourced deal are not
 * counted again here.</li>
 * <li><b>Total</b> = service-sourced won + new product lines won.</li>
 * </ul>
 * Visibility: a deal made from cases counts when the viewer may read one of those cases
 * (the cases' own rule; the sales rules are not asked, as for every service figure); any
 * other deal — lead source only, or a new product line — counts only when the viewer may
 * read the deal by the sales rules. A listed deal shows its name only to those who may
 * read it. People who do not work cases (reps, marketing) are refused.
 */
@Service
@Transactional(readOnly = true)
public class CrossSell {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final DealRevenue deals;

	private final OpportunityAccess dealAccess;

	private final Opportunities opportunities;

	private final UserDirectory users;

	private final ServiceLeadSource leadSource;

	private final BusinessCalendars calendars;

	CrossSell(JdbcClient jdbc, Cases cases, DealRevenue deals, OpportunityAccess dealAccess,
			Opportunities opportunities, UserDirectory users, ServiceLeadSource leadSource,
			BusinessCalendars calendars) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.deals = deals;
		this.dealAccess = dealAccess;
		this.opportunities = opportunities;
		this.users = users;
		this.leadSource = leadSource;
		this.calendars = calendars;
	}

	/**
	 * The period's figures.
	 *
	 * @param serviceSourcedWon the won amount of service-sourced deals
	 * @param serviceSourcedDeals how many service-sourced deals were won
	 * @param newProductLinesWon the won amount of new product lines sold to existing
	 * customers (not counting service-sourced deals again)
	 * @param total the two added up
	 */
	public record CrossSellSummary(BigDecimal serviceSourcedWon, long serviceSourcedDeals,
			BigDecimal newProductLinesWon, BigDecimal total, String currency) {

	}

	/**
	 * Time from a deal won to the first public agent reply on its onboarding case, over
	 * the onboarding cases of deals won in the period that the viewer may read.
	 *
	 * @param count the cases answered (those the figures are over)
	 * @param waiting the cases not answered yet
	 * @param medianHours the middle value (the mean of the two middle ones for an even
	 * count); {@code null} when none
	 * @param p90Hours the nearest-rank 90th percentile; {@code null} when none
	 * @param averageHours the mean; {@code null} when none
	 */
	public record HandOff(long count, long waiting, Double medianHours, Double p90Hours, Double averageHours) {

	}

	public enum Grouping {

		AGENT("Agent"), TEAM("Team");

		private final String label;

		Grouping(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Grouping parse(String text, String field) {
			if (text == null || text.isBlank()) {
				return AGENT;
			}
			for (Grouping grouping : values()) {
				if (grouping.name().equalsIgnoreCase(text.trim())) {
					return grouping;
				}
			}
			throw new InvalidInputException(field, "'" + text.trim() + "' is no grouping; use agent or team.");
		}

	}

	/** Why a listed deal counts. */
	public enum Source {

		SERVICE_SOURCED("Service-sourced"), NEW_PRODUCT_LINE("New product line");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A deal (or, for a new product line, a line of one) behind the figures.
	 *
	 * @param name the deal's name, or {@code null} when the viewer may not read the deal
	 * @param caseId the case it was made from (one the viewer may read), or {@code null}
	 * @param product the product of a new product line, or {@code null}
	 */
	public record Row(UUID opportunityId, String name, Source source, BigDecimal amount, Instant wonAt, UUID caseId,
			String caseReference, UUID agentId, String agentName, String product) {

	}

	/** One agent's or team's service-sourced deals. */
	public record Group(UUID agentId, String name, long deals, BigDecimal amount) {

	}

	/** An onboarding case and how long its first public reply took after the win. */
	public record HandOffCase(UUID caseId, String caseReference, String subject, UUID opportunityId, Instant wonAt,
			Instant firstResponseAt, Double hours) {

	}

	public record Report(LocalDate from, LocalDate to, Grouping by, CrossSellSummary summary, List<Group> groups,
			List<Row> rows, HandOff handOff, List<HandOffCase> handOffCases) {

	}

	/**
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 */
	public CrossSellSummary summary(Viewer viewer, LocalDate from, LocalDate to) {
		return compute(viewer, from, to).summary();
	}

	public Report report(Viewer viewer, LocalDate from, LocalDate to, Grouping by) {
		Figures figures = compute(viewer, from, to);
		Map<String, Group> groups = new LinkedHashMap<>();
		for (Row row : figures.rows()) {
			if (row.source() != Source.SERVICE_SOURCED) {
				continue;
			}
			UUID agent = by == Grouping.AGENT ? row.agentId() : null;
			String name = switch (by) {
				case AGENT -> row.agentId() == null ? "No agent (lead source only)" : row.agentName();
				case TEAM -> row.agentId() == null ? "No agent (lead source only)" : teamOf(row.agentId());
			};
			groups.merge(name, new Group(agent, name, 1, row.amount()),
					(a, b) -> new Group(a.agentId(), a.name(), a.deals() + 1, a.amount().add(b.amount())));
		}
		List<Group> sorted = new ArrayList<>(groups.values());
		sorted.sort(Comparator.comparing(Group::amount).reversed().thenComparing(Group::name));
		List<HandOffCase> handOffCases = handOffCases(viewer, from, to);
		return new Report(from, to, by, figures.summary(), sorted, figures.rows(), handOff(handOffCases), handOffCases);
	}

	/**
	 * @param from the first day won, inclusive
	 * @param to the last day won, inclusive
	 */
	public HandOff handOff(Viewer viewer, LocalDate from, LocalDate to) {
		return handOff(handOffCases(viewer, from, to));
	}

	private record Figures(CrossSellSummary summary, List<Row> rows) {

	}

	private Figures compute(Viewer viewer, LocalDate from, LocalDate to) {
		requireReader(viewer, from, to);
		ZoneId zone = this.calendars.companyZone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		List<DealRevenue.Deal> won = this.deals.wonBetween(start, end);
		Optional<String> serviceSource = this.leadSource.label();
		Map<UUID, DealRevenue.Deal> byId = new HashMap<>();
		won.forEach(deal -> byId.put(deal.id(), deal));
		Map<UUID, Link> readableLinks = readableCrossSellLinks(viewer, byId.keySet());
		Set<UUID> linkedAtAll = linkedCrossSell(byId.keySet());

		List<Row> rows = new ArrayList<>();
		Set<UUID> serviceSourced = new LinkedHashSet<>();
		Map<UUID, String> agentNames = this.users
			.namesOf(readableLinks.values().stream().map(Link::agentId).filter(id -> id != null).distinct().toList());
		// whether the viewer reads a deal depends on its owner alone: asked once per
		// owner
		// (there are far fewer owners than deals won)
		Map<UUID, Boolean> readsOwner = new HashMap<>();
		Predicate<UUID> readsDealsOf = owner -> readsOwner.computeIfAbsent(owner,
				id -> this.dealAccess.canRead(viewer, id));
		BigDecimal serviceWon = BigDecimal.ZERO;
		for (DealRevenue.Deal deal : won) {
			boolean bySource = serviceSource.isPresent() && serviceSource.get().equalsIgnoreCase(deal.leadSource());
			if (!bySource && !linkedAtAll.contains(deal.id())) {
				continue;
			}
			serviceSourced.add(deal.id());
			Link link = readableLinks.get(deal.id());
			boolean readableDeal = readsDealsOf.test(deal.ownerId());
			if (link == null && !readableDeal) {
				continue;
			}
			serviceWon = serviceWon.add(deal.amount());
			rows.add(new Row(deal.id(), readableDeal ? deal.name() : null, Source.SERVICE_SOURCED, deal.amount(),
					deal.closedAt(), link == null ? null : link.caseId(), link == null ? null : link.reference(),
					link == null ? null : link.agentId(), link == null || link.agentId() == null ? null
							: agentNames.getOrDefault(link.agentId(), "Former user"),
					null));
		}
		long serviceDeals = rows.size();

		BigDecimal newLines = BigDecimal.ZERO;
		for (DealRevenue.NewProductLine line : this.deals.newProductLinesWonBetween(start, end)) {
			DealRevenue.Deal deal = byId.get(line.opportunityId());
			if (deal == null || serviceSourced.contains(deal.id()) || !readsDealsOf.test(deal.ownerId())) {
				continue;
			}
			newLines = newLines.add(line.amount());
			rows.add(new Row(deal.id(), deal.name(), Source.NEW_PRODUCT_LINE, line.amount(), deal.closedAt(), null,
					null, null, null, line.productName()));
		}
		rows.sort(Comparator.comparing(Row::wonAt).reversed().thenComparing(row -> row.source().ordinal()));
		return new Figures(new CrossSellSummary(scale(serviceWon), serviceDeals, scale(newLines),
				scale(serviceWon.add(newLines)), this.opportunities.currency()), rows);
	}

	private record Link(UUID caseId, String reference, UUID agentId) {

	}

	/**
	 * @return for each of the deals made from a case the viewer may read, the earliest
	 * such link (its case and the agent who made the deal)
	 */
	private Map<UUID, Link> readableCrossSellLinks(Viewer viewer, Set<UUID> dealIds) {
		Map<UUID, Link> links = new HashMap<>();
		if (dealIds.isEmpty()) {
			return links;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", List.copyOf(dealIds));
		ListConditions conditions = new ListConditions(params).add("o.kind = 'CROSS_SELL'")
			.add("o.opportunity_id in (:ids)")
			.inRecycleBin("c", false);
		this.cases.readFilter(viewer, conditions, params);
		this.jdbc.sql("select o.opportunity_id, o.case_id, c.number, o.created_by from case_opportunities o"
				+ " join cases c on c.id = o.case_id where " + conditions.sql() + " order by o.created_at, o.case_id")
			.params(params)
			.query((rs, n) -> links.putIfAbsent(rs.getObject("opportunity_id", UUID.class),
					new Link(rs.getObject("case_id", UUID.class), "#" + rs.getLong("number"),
							rs.getObject("created_by", UUID.class))))
			.list();
		return links;
	}

	/**
	 * @return the deals of these that were made from any case at all
	 */
	private Set<UUID> linkedCrossSell(Set<UUID> dealIds) {
		if (dealIds.isEmpty()) {
			return Set.of();
		}
		return new java.util.HashSet<>(this.jdbc
			.sql("select distinct opportunity_id from case_opportunities where kind = 'CROSS_SELL'"
					+ " and opportunity_id in (:ids)")
			.param("ids", List.copyOf(dealIds))
			.query(UUID.class)
			.list());
	}

	private List<HandOffCase> handOffCases(Viewer viewer, LocalDate from, LocalDate to) {
		requireReader(viewer, from, to);
		ZoneId zone = this.calendars.companyZone();
		Map<String, Object> params = new HashMap<>();
		params.put("from", utc(from.atStartOfDay(zone).toInstant()));
		params.put("to", utc(to.plusDays(1).atStartOfDay(zone).toInstant()));
		ListConditions conditions = new ListConditions(params).add("o.kind = 'ONBOARDING'")
			.add("o.created_at >= :from")
			.add("o.created_at < :to")
			.inRecycleBin("c", false);
		this.cases.readFilter(viewer, conditions, params);
		return this.jdbc.sql("""
				select o.case_id, c.number, c.subject, o.opportunity_id, o.created_at, c.first_response_at
				from case_opportunities o join cases c on c.id = o.case_id where
				""" + conditions.sql() + " order by o.created_at desc, o.case_id").params(params).query((rs, n) -> {
			Instant wonAt = instant(rs, "created_at");
			Instant first = instant(rs, "first_response_at");
			Double hours = first == null ? null
					: Math.max(0, java.time.Duration.between(wonAt, first).toSeconds()) / 3600.0;
			return new HandOffCase(rs.getObject("case_id", UUID.class), "#" + rs.getLong("number"),
					rs.getString("subject"), rs.getObject("opportunity_id", UUID.class), wonAt, first, hours);
		}).list();
	}

	static HandOff handOff(List<HandOffCase> cases) {
		List<Double> hours = cases.stream().map(HandOffCase::hours).filter(h -> h != null).sorted().toList();
		long waiting = cases.size() - hours.size();
		if (hours.isEmpty()) {
			return new HandOff(0, waiting, null, null, null);
		}
		int n = hours.size();
		double median = n % 2 == 1 ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
		double p90 = hours.get((int) Math.ceil(0.9 * n) - 1);
		double average = hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		return new HandOff(n, waiting, round(median), round(p90), round(average));
	}

	private String teamOf(UUID agentId) {
		return this.users.find(agentId)
			.map(User::team)
			.filter(team -> team != null && !team.isBlank())
			.orElse("No team");
	}

	private static void requireReader(Viewer viewer, LocalDate from, LocalDate to) {
		if (!Cases.worksCases(viewer)) {
			throw new AccessDeniedException("Cross-sell is for the people who work cases and their managers");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		if (from.plusYears(5).isBefore(to)) {
			throw new InvalidInputException("to", "Choose a period of five years or less.");
		}
	}

	private static BigDecimal scale(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	private static Double round(double hours) {
		return Math.round(hours * 10) / 10.0;
	}

}
