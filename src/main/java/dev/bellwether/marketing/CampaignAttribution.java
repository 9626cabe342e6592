package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.customers.CustomerLookups.ContactAt;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.DealFacts.AttributableDeal;
import dev.bellwether.sales.Opportunities;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Campaign attribution and ROI: each deal's journey (the campaign touches of its people,
 * in time order) shared out by an {@link AttributionModel}, and per campaign and per
 * hierarchy what it cost against the pipeline and revenue it is credited with.
 * <p>
 * Set-based: the deals of the period come from sales in one query, their people from
 * customers in one, the leads converted into them, the touches, the costs, the lead
 * members and the campaigns in one query each; everything else is grouping in memory. The
 * rules are in docs/marketing.md (<i>Attribution and ROI</i>).
 */
@Service
@Transactional(readOnly = true)
public class CampaignAttribution {

	/** Who reads the attribution report and a deal's attribution. */
	public static final Set<Role> READERS = EnumSet.of(Role.MARKETING, Role.SALES_ADMIN, Role.EXECUTIVE, Role.ADMIN);

	private final JdbcClient jdbc;

	private final DealFacts deals;

	private final Opportunities opportunities;

	private final CustomerLookups customers;

	private final FiscalCalendar calendar;

	CampaignAttribution(JdbcClient jdbc, DealFacts deals, Opportunities opportunities, CustomerLookups customers,
			FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.opportunities = opportunities;
		this.deals = deals;
		this.customers = customers;
		this.calendar = calendar;
	}

	/**
	 * A campaign touch of a deal's journey.
	 *
	 * @param memberType whether the person touched was a lead or a contact
	 * @param share the touch's share of the deal's amount under the model
	 */
	public record AttributedTouch(UUID campaignId, String campaignName, Instant at, CampaignMemberType memberType,
			UUID memberId, boolean leadCreation, boolean opportunityCreation, BigDecimal share) {

	}

	/**
	 * A deal, its journey and each touch's share.
	 *
	 * @param sourceCampaignId the campaign of the first touch (the deal's source), or
	 * {@code null} without touches
	 */
	public record DealAttribution(AttributableDeal deal, AttributionModel model, List<AttributedTouch> touches,
			UUID sourceCampaignId) {

	}

	/**
	 * One row of the ROI report: a campaign's own figures, or a hierarchy's (the campaign
	 * and every campaign under it).
	 *
	 * @param cost cost lines dated in the period
	 * @param leads lead members added to the campaign in the period (leads in the recycle
	 * bin left out)
	 * @param convertedLeads of those, the ones converted (at any time)
	 * @param opportunities deals created in the period with the campaign in their journey
	 * @param pipeline their attributed amounts (influenced pipeline)
	 * @param sourcedPipeline the whole amount of those whose first touch is the campaign
	 * @param wonDeals deals won in the period with the campaign in their journey
	 * @param wonRevenue their attributed amounts (influenced revenue)
	 * @param sourcedRevenue the whole amount of those whose first touch is the campaign
	 */
	public record CampaignRoi(UUID campaignId, String name, UUID parentId, int subCampaigns, BigDecimal cost,
			long leads, long convertedLeads, long opportunities, BigDecimal pipeline, BigDecimal sourcedPipeline,
			long wonDeals, BigDecimal wonRevenue, BigDecimal sourcedRevenue) {

		/** Cost per lead; {@code null} without leads. */
		public BigDecimal costPerLead() {
			return per(this.leads);
		}

		/** Cost per opportunity; {@code null} without opportunities. */
		public BigDecimal costPerOpportunity() {
			return per(this.opportunities);
		}

		/**
		 * (won revenue − cost) ÷ cost, as a fraction (1.5 is 150 %) to four places;
		 * {@code null} when nothing was spent (undefined, not infinite).
		 */
		public BigDecimal roi() {
			return this.cost.signum() == 0 ? null
					: this.wonRevenue.subtract(this.cost).divide(this.cost, 4, java.math.RoundingMode.HALF_EVEN);
		}

		private BigDecimal per(long count) {
			return count == 0 ? null : this.cost.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_EVEN);
		}

	}

	/**
	 * The report: every campaign with a figure in the period, and every campaign with
	 * sub-campaigns rolled up with them.
	 */
	public record RoiReport(LocalDate from, LocalDate to, AttributionModel model, List<CampaignRoi> campaigns,
			List<CampaignRoi> hierarchies, int deals) {

	}

	/** The default period: the current fiscal year. */
	public FiscalCalendar.Period defaultPeriod() {
		return this.calendar.yearOf(this.calendar.today());
	}

	/**
	 * @throws ForbiddenException for a viewer who is not marketing, a sales
	 * administrator, an executive or an administrator
	 */
	public void requireReader(Viewer viewer) {
		if (!READERS.contains(viewer.role())) {
			throw new ForbiddenException("Campaign attribution and ROI are for marketing, sales administrators,"
					+ " executives and administrators.");
		}
	}

	/**
	 * A deal's journey and shares under the model: for the report's readers, and for
	 * whoever may see the deal (a rep sees the campaigns their deals were influenced by).
	 * @throws RecordNotFoundException for a deal the viewer may not see
	 */
	public DealAttribution ofDeal(Viewer viewer, UUID opportunityId, AttributionModel model) {
		if (!READERS.contains(viewer.role())) {
			this.opportunities.get(viewer, opportunityId);
		}
		AttributableDeal deal = this.deals.attributable(opportunityId)
			.orElseThrow(() -> new RecordNotFoundException("opportunity", opportunityId));
		DealAttribution attribution = attribute(List.of(deal), model).get(0);
		Map<UUID, String> names = campaignNames(
				attribution.touches().stream().map(AttributedTouch::campaignId).distinct().toList());
		return new DealAttribution(deal, model,
				attribution.touches()
					.stream()
					.map(t -> new AttributedTouch(t.campaignId(), names.get(t.campaignId()), t.at(), t.memberType(),
							t.memberId(), t.leadCreation(), t.opportunityCreation(), t.share()))
					.toList(),
				attribution.sourceCampaignId());
	}

	/**
	 * The ROI of every campaign, and of every hierarchy, over a period of days (in the
	 * company's time zone, both ends included).
	 */
	public RoiReport report(Viewer viewer, LocalDate from, LocalDate to, AttributionModel model) {
		requireReader(viewer);
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		Instant start = this.calendar.startOf(from);
		Instant end = this.calendar.startOf(to.plusDays(1));
		List<AttributableDeal> found = this.deals.createdOrWon(start, end, this.calendar.zone());
		Map<UUID, String> names = new HashMap<>();
		Map<UUID, UUID> parents = new HashMap<>();
		this.jdbc.sql("select id, name, parent_id from campaigns").query((RowCallbackHandler) rs -> {
			UUID id = rs.getObject("id", UUID.class);
			names.put(id, rs.getString("name"));
			UUID parent = rs.getObject("parent_id", UUID.class);
			if (parent != null) {
				parents.put(id, parent);
			}
		});
		// each campaign's own figures, and each hierarchy's (the campaign and all below
		// it), in cents
		Map<UUID, Figures> own = new HashMap<>();
		Map<UUID, Figures> tree = new HashMap<>();
		Ledger ledger = new Ledger(parents, own, tree);
		journeys(found, (deal, journey, leadIndex, opportunityIndex) -> {
			boolean created = !deal.createdAt().isBefore(start) && deal.createdAt().isBefore(end);
			boolean won = deal.won() && deal.closedAt() != null && !deal.closeDate().isBefore(from)
					&& !deal.closeDate().isAfter(to);
			if ((created || won) && !journey.isEmpty()) {
				ledger.credit(deal, journey, leadIndex, opportunityIndex, model, created, won);
			}
		});
		this.jdbc.sql("""
				select campaign_id, sum(amount) as cost from campaign_costs
				where cost_date between :from and :to group by campaign_id
				""")
			.param("from", from)
			.param("to", to)
			.query((RowCallbackHandler) rs -> own.computeIfAbsent(rs.getObject("campaign_id", UUID.class),
					id -> new Figures()).cost = rs.getBigDecimal("cost"));
		this.jdbc.sql("""
				select m.campaign_id, count(*) as leads, count(l.converted_at) as converted
				from campaign_members m join leads l on l.id = m.member_id
				where m.member_type = 'LEAD' and m.created_at >= :start and m.created_at < :end and l.deleted_at is null
				group by m.campaign_id
				""").param("start", utc(start)).param("end", utc(end)).query((RowCallbackHandler) rs -> {
			Figures f = own.computeIfAbsent(rs.getObject("campaign_id", UUID.class), id -> new Figures());
			f.leads = rs.getLong("leads");
			f.converted = rs.getLong("converted");
		});
		Map<UUID, Integer> below = new HashMap<>();
		for (UUID id : names.keySet()) {
			List<UUID> up = upFrom(id, parents);
			for (UUID ancestor : up.subList(1, up.size())) {
				below.merge(ancestor, 1, Integer::sum);
			}
			Figures f = own.get(id);
			if (f != null) {
				for (UUID ancestor : up) {
					tree.computeIfAbsent(ancestor, k -> new Figures()).addSpend(f);
				}
			}
		}
		List<CampaignRoi> campaigns = new ArrayList<>();
		own.forEach((id, f) -> {
			if (names.containsKey(id)) {
				campaigns.add(f.row(id, names.get(id), parents.get(id), below.getOrDefault(id, 0)));
			}
		});
		List<CampaignRoi> hierarchies = new ArrayList<>();
		below.forEach((id, count) -> {
			Figures f = tree.get(id);
			if (f != null && !f.isEmpty()) {
				hierarchies.add(f.row(id, names.get(id), parents.get(id), count));
			}
		});
		Comparator<CampaignRoi> byRevenue = Comparator.comparing(CampaignRoi::wonRevenue)
			.reversed()
			.thenComparing(CampaignRoi::name, String.CASE_INSENSITIVE_ORDER);
		campaigns.sort(byRevenue);
		hierarchies.sort(byRevenue);
		return new RoiReport(from, to, model, campaigns, hierarchies, found.size());
	}

	/**
	 * Each deal's journey and shares, in the deals' order (campaign names left out).
	 * Rules:
	 * <ul>
	 * <li>the deal's people: its primary contact, the contacts at its account, and the
	 * leads converted into it;</li>
	 * <li>a touch: a member of theirs reaching "responded" (its {@code responded_at},
	 * else its {@code attended_at}); a lead and the contact it became carry the same
	 * touches, so touches of one campaign at one instant count once;</li>
	 * <li>the journey: the touches before the deal closed (all of them while it is open),
	 * in time order (by campaign id on a tie);</li>
	 * <li>the lead-creation moment: when the earliest lead converted into the deal was
	 * created, else when its primary contact was.</li>
	 * </ul>
	 */
	List<DealAttribution> attribute(List<AttributableDeal> deals, AttributionModel model) {
		List<DealAttribution> attributions = new ArrayList<>(deals.size());
		journeys(deals, (deal, journey, leadIndex, opportunityIndex) -> {
			BigDecimal[] shares = Attribution.shares(deal.amount(),
					new Attribution.Journey(journey.size(), leadIndex, opportunityIndex), model);
			List<AttributedTouch> touches = new ArrayList<>(journey.size());
			for (int i = 0; i < journey.size(); i++) {
				Touch t = journey.get(i);
				touches.add(new AttributedTouch(t.campaignId(), null, t.at(), t.memberType(), t.memberId(),
						i == leadIndex, i == opportunityIndex, shares[i]));
			}
			attributions
				.add(new DealAttribution(deal, model, touches, journey.isEmpty() ? null : journey.get(0).campaignId()));
		});
		return attributions;
	}

	/** What is done with each deal's journey. */
	@FunctionalInterface
	private interface JourneyHandler {

		/**
		 * @param journey the deal's touches in time order; valid only during the call
		 * (the list is reused for the next deal)
		 * @param leadIndex the lead-creation touch, {@code -1} for none
		 * @param opportunityIndex the opportunity-creation touch, {@code -1} for none
		 */
		void accept(AttributableDeal deal, List<Touch> journey, int leadIndex, int opportunityIndex);

	}

	/**
	 * Each deal's journey, in the deals' order, by the rules of {@link #attribute}; the
	 * rows are read once for all the deals, and one list is reused from deal to deal.
	 */
	private void journeys(List<AttributableDeal> deals, JourneyHandler handler) {
		if (deals.isEmpty()) {
			return;
		}
		List<UUID> dealIds = new ArrayList<>(deals.size());
		List<UUID> accountIds = new ArrayList<>(deals.size());
		List<UUID> primaryContactIds = new ArrayList<>(deals.size());
		for (AttributableDeal deal : deals) {
			dealIds.add(deal.id());
			accountIds.add(deal.accountId());
			primaryContactIds.add(deal.primaryContactId());
		}
		// the leads converted into the deals, with when each was created
		Map<UUID, List<UUID>> leadsOfDeal = new HashMap<>();
		Map<UUID, Instant> leadCreated = new HashMap<>();
		this.jdbc.sql("""
				select l.id, l.created_at, l.converted_opportunity_id
				from leads l join unnest(cast(:deals as uuid[])) as d(id) on d.id = l.converted_opportunity_id
				""").param("deals", SqlArrays.of(dealIds)).query((RowCallbackHandler) rs -> {
			UUID id = rs.getObject("id", UUID.class);
			leadsOfDeal.computeIfAbsent(rs.getObject("converted_opportunity_id", UUID.class), k -> new ArrayList<>(1))
				.add(id);
			leadCreated.put(id, instant(rs, "created_at"));
		});
		List<ContactAt> contacts = this.customers.contactsAt(accountIds, primaryContactIds);
		Map<UUID, List<UUID>> contactsOfAccount = new HashMap<>();
		Map<UUID, Instant> contactCreated = new HashMap<>(contacts.size() * 2);
		for (ContactAt contact : contacts) {
			contactCreated.put(contact.id(), contact.createdAt());
			if (contact.accountId() != null) {
				contactsOfAccount.computeIfAbsent(contact.accountId(), k -> new ArrayList<>(4)).add(contact.id());
			}
		}
		Map<UUID, List<Touch>> touchesOf = touches(contactCreated.keySet(), leadCreated.keySet());
		contacts = null;
		List<Touch> journey = new ArrayList<>();
		for (AttributableDeal deal : deals) {
			journey.clear();
			// a person reached twice (the primary contact at the account) adds the same
			// touches twice: they fall out with the duplicates below
			for (UUID contact : contactsOfAccount.getOrDefault(deal.accountId(), List.of())) {
				addTouches(journey, touchesOf.get(contact), deal.closedAt());
			}
			if (deal.primaryContactId() != null) {
				addTouches(journey, touchesOf.get(deal.primaryContactId()), deal.closedAt());
			}
			List<UUID> leads = leadsOfDeal.getOrDefault(deal.id(), List.of());
			for (UUID lead : leads) {
				addTouches(journey, touchesOf.get(lead), deal.closedAt());
			}
			// in time order (by campaign on a tie); touches of one campaign at one
			// instant count once (a lead and the contact it became carry the same)
			journey.sort(Touch.ORDER);
			int kept = 0;
			for (int i = 0; i < journey.size(); i++) {
				Touch touch = journey.get(i);
				if (kept == 0 || !journey.get(kept - 1).sameAs(touch)) {
					journey.set(kept++, touch);
				}
			}
			journey.subList(kept, journey.size()).clear();
			Instant personCreated = null;
			for (UUID lead : leads) {
				Instant created = leadCreated.get(lead);
				if (personCreated == null || created.isBefore(personCreated)) {
					personCreated = created;
				}
			}
			if (leads.isEmpty() && deal.primaryContactId() != null) {
				personCreated = contactCreated.get(deal.primaryContactId());
			}
			handler.accept(deal, journey, lastAtOrBefore(journey, personCreated),
					lastAtOrBefore(journey, deal.createdAt()));
		}
	}

	private static void addTouches(List<Touch> journey, List<Touch> touches, Instant closedAt) {
		if (touches != null) {
			for (Touch touch : touches) {
				if (closedAt == null || touch.at().isBefore(closedAt)) {
					journey.add(touch);
				}
			}
		}
	}

	/**
	 * The campaign and every campaign above it, nearest first (at most 50: a guard
	 * against a cycle the database's rules already prevent).
	 */
	private static List<UUID> upFrom(UUID id, Map<UUID, UUID> parents) {
		List<UUID> up = new ArrayList<>(3);
		for (UUID at = id; at != null && up.size() < 50; at = parents.get(at)) {
			up.add(at);
		}
		return up;
	}

	private static int lastAtOrBefore(List<Touch> journey, Instant moment) {
		int index = -1;
		if (moment != null) {
			for (int i = 0; i < journey.size() && !journey.get(i).at().isAfter(moment); i++) {
				index = i;
			}
		}
		return index;
	}

	/**
	 * A member's touch.
	 *
	 * @param campaign the campaign's number in this report (an index into arrays, so that
	 * crediting a touch hashes nothing)
	 */
	private record Touch(UUID campaignId, int campaign, Instant at, CampaignMemberType memberType, UUID memberId) {

		static final Comparator<Touch> ORDER = Comparator.comparing(Touch::at).thenComparing(Touch::campaignId);

		boolean sameAs(Touch other) {
			return this.campaign == other.campaign && this.at.equals(other.at);
		}

	}

	/**
	 * Beyond this many people the touches are read by one pass over the touched members
	 * rather than by the people's ids: an array of hundreds of thousands of ids costs
	 * more to send and join than the scan it saves (a year of a million deals reaches
	 * nearly every contact).
	 */
	static int touchesByIdsUpTo = 20_000;

	/** The touches of the contacts and leads, by person. */
	private Map<UUID, List<Touch>> touches(Set<UUID> contactIds, Set<UUID> leadIds) {
		Map<UUID, List<Touch>> touches = new HashMap<>();
		if (contactIds.isEmpty() && leadIds.isEmpty()) {
			return touches;
		}
		Map<UUID, Integer> numbers = new HashMap<>();
		RowCallbackHandler touch = rs -> {
			UUID member = rs.getObject("member_id", UUID.class);
			CampaignMemberType type = CampaignMemberType.valueOf(rs.getString("member_type"));
			if (!(type == CampaignMemberType.CONTACT ? contactIds : leadIds).contains(member)) {
				return;
			}
			UUID campaign = rs.getObject("campaign_id", UUID.class);
			Integer number = numbers.computeIfAbsent(campaign, id -> numbers.size());
			touches.computeIfAbsent(member, k -> new ArrayList<>(2))
				.add(new Touch(campaign, number, instant(rs, "touched_at"), type, member));
		};
		if (contactIds.size() + leadIds.size() > touchesByIdsUpTo) {
			this.jdbc
				.sql("""
						select m.campaign_id, m.member_type, m.member_id, coalesce(m.responded_at, m.attended_at) as touched_at
						from campaign_members m
						where coalesce(m.responded_at, m.attended_at) is not null
						""")
				.query(touch);
			return touches;
		}
		this.jdbc.sql("""
				select m.campaign_id, m.member_type, m.member_id, coalesce(m.responded_at, m.attended_at) as touched_at
				from campaign_members m join unnest(cast(:contacts as uuid[])) as w(id) on w.id = m.member_id
				where m.member_type = 'CONTACT' and coalesce(m.responded_at, m.attended_at) is not null
				union all
				select m.campaign_id, m.member_type, m.member_id, coalesce(m.responded_at, m.attended_at)
				from campaign_members m join unnest(cast(:leads as uuid[])) as w(id) on w.id = m.member_id
				where m.member_type = 'LEAD' and coalesce(m.responded_at, m.attended_at) is not null
				""").param("contacts", SqlArrays.of(contactIds)).param("leads", SqlArrays.of(leadIds)).query(touch);
		return touches;
	}

	/**
	 * Credits each deal's shares to its campaigns and their hierarchies, in cents
	 * ({@link Attribution#cents}); campaigns are found by their number in the report
	 * (arrays, not maps), a deal is counted once per campaign and hierarchy by the deal's
	 * stamp on it, and the arrays are reused from deal to deal.
	 */
	private static final class Ledger {

		private final Map<UUID, UUID> parents;

		private final Map<UUID, Figures> own;

		private final Map<UUID, Figures> tree;

		/** By campaign number: its figures, and those of it and every campaign above. */
		private Figures[] ownOf = new Figures[64];

		private Figures[][] treeOf = new Figures[64][];

		private long[] shares = new long[16];

		private long[] scratch = new long[16];

		private int deal;

		Ledger(Map<UUID, UUID> parents, Map<UUID, Figures> own, Map<UUID, Figures> tree) {
			this.parents = parents;
			this.own = own;
			this.tree = tree;
		}

		void credit(AttributableDeal deal, List<Touch> journey, int leadIndex, int opportunityIndex,
				AttributionModel model, boolean created, boolean won) {
			int n = journey.size();
			if (this.shares.length < n) {
				this.shares = new long[Math.max(n, this.shares.length * 2)];
				this.scratch = new long[this.shares.length];
			}
			long amount = cents(deal.amount());
			Attribution.cents(amount, new Attribution.Journey(n, leadIndex, opportunityIndex), model, this.shares,
					this.scratch);
			this.deal++;
			for (int i = 0; i < n; i++) {
				Touch touch = journey.get(i);
				Figures own = ownOf(touch);
				own.credit(this.shares[i], created, won);
				if (own.stamp != this.deal) {
					own.stamp = this.deal;
					own.count(created, won);
				}
				for (Figures up : this.treeOf[touch.campaign()]) {
					up.credit(this.shares[i], created, won);
					if (up.stamp != this.deal) {
						up.stamp = this.deal;
						up.count(created, won);
					}
				}
			}
			Touch source = journey.get(0);
			ownOf(source).source(amount, created, won);
			for (Figures up : this.treeOf[source.campaign()]) {
				up.source(amount, created, won);
			}
		}

		private Figures ownOf(Touch touch) {
			int number = touch.campaign();
			if (number >= this.ownOf.length) {
				int length = Math.max(number + 1, this.ownOf.length * 2);
				this.ownOf = java.util.Arrays.copyOf(this.ownOf, length);
				this.treeOf = java.util.Arrays.copyOf(this.treeOf, length);
			}
			Figures figures = this.ownOf[number];
			if (figures == null) {
				figures = this.own.computeIfAbsent(touch.campaignId(), id -> new Figures());
				this.ownOf[number] = figures;
				List<UUID> up = upFrom(touch.campaignId(), this.parents);
				Figures[] chain = new Figures[up.size()];
				for (int i = 0; i < chain.length; i++) {
					chain[i] = this.tree.computeIfAbsent(up.get(i), id -> new Figures());
				}
				this.treeOf[number] = chain;
			}
			return figures;
		}

		/**
		 * @throws IllegalArgumentException for an amount with fractions of a cent
		 */
		private static long cents(BigDecimal amount) {
			if (amount.stripTrailingZeros().scale() > 2) {
				throw new IllegalArgumentException("An attributed amount is in whole cents.");
			}
			return amount.movePointRight(2).longValueExact();
		}

	}

	private Map<UUID, String> campaignNames(List<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from campaigns where id = any(cast(:ids as uuid[]))")
				.param("ids", SqlArrays.of(ids))
				.query((RowCallbackHandler) rs -> names.put(rs.getObject("id", UUID.class), rs.getString("name")));
		}
		return names;
	}

	/**
	 * A campaign's (or a hierarchy's) figures while they are added up; amounts in cents.
	 */
	private static final class Figures {

		BigDecimal cost = BigDecimal.ZERO.setScale(2);

		long leads;

		long converted;

		long opportunities;

		long won;

		long pipeline;

		long sourcedPipeline;

		long wonRevenue;

		long sourcedRevenue;

		/** The last deal counted here ({@link Ledger}). */
		int stamp;

		void credit(long share, boolean created, boolean won) {
			if (created) {
				this.pipeline += share;
			}
			if (won) {
				this.wonRevenue += share;
			}
		}

		void count(boolean created, boolean won) {
			this.opportunities += created ? 1 : 0;
			this.won += won ? 1 : 0;
		}

		void source(long amount, boolean created, boolean won) {
			if (created) {
				this.sourcedPipeline += amount;
			}
			if (won) {
				this.sourcedRevenue += amount;
			}
		}

		void addSpend(Figures other) {
			this.cost = this.cost.add(other.cost);
			this.leads += other.leads;
			this.converted += other.converted;
		}

		boolean isEmpty() {
			return this.cost.signum() == 0 && this.leads == 0 && this.opportunities == 0 && this.won == 0;
		}

		CampaignRoi row(UUID id, String name, UUID parentId, int subCampaigns) {
			return new CampaignRoi(id, name, parentId, subCampaigns, this.cost, this.leads, this.converted,
					this.opportunities, BigDecimal.valueOf(this.pipeline, 2),
					BigDecimal.valueOf(this.sourcedPipeline, 2), this.won, BigDecimal.valueOf(this.wonRevenue, 2),
					BigDecimal.valueOf(this.sourcedRevenue, 2));
		}

	}

}
