package dev.bellwether.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.bellwether.marketing.CampaignMemberStatus;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.LeadStatus;
import dev.bellwether.platform.db.CopyRows;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates the demo company's marketing — two years of campaigns in hierarchies with
 * their cost lines, about 5,000 leads with their way through their statuses, campaign
 * members, and a few hundred leads converted into the demo's existing deals —
 * deterministically from a seed and the demo's deals, and writes it with COPY straight
 * into the marketing tables, as {@link SalesDataGenerator} does for the pipeline.
 * <p>
 * The story the attribution and ROI report tells: trade shows cost a great deal, bring
 * many badge scans and convert little (their won revenue is kept under a quarter of what
 * they cost in each calendar year, whatever the attribution model: see
 * {@link #TRADE_SHOW_REVENUE_SHARE}); webinars and partner referrals cost little and
 * influence much of the won revenue; paid search brings the most leads at a middling
 * cost. A deal's people are touched before it was created or while it was open, never
 * after it closed.
 */
final class MarketingDataGenerator {

	/**
	 * The lead source paid search leads come from (added to the pick list if missing).
	 */
	static final String PAID_SEARCH_SOURCE = "Paid Search";

	/** How far back campaigns and leads go. */
	static final int MONTHS = 24;

	/** How far ahead campaigns are planned. */
	static final int PLANNED_DAYS = 120;

	/** The share of the deals that a lead was converted into. */
	static final int CONVERTED_DEALS_PERCENT = 22;

	/**
	 * At most this share of a calendar year's trade-show cost is won revenue of deals a
	 * trade show touched (closing that year): under any model the channel's ROI stays
	 * below −75 %.
	 */
	static final double TRADE_SHOW_REVENUE_SHARE = 0.25;

	private static final long DAY = 86_400_000L;

	private static final long HOUR = 3_600_000L;

	private static final long MINUTE = 60_000L;

	private static final String[] WEBINARS = { "Forecasting without spreadsheets", "Pipeline hygiene in 30 minutes",
			"From lead to deal: the hand-off that works", "Territory planning for growing teams",
			"What your win rate is telling you", "Coaching reps with pipeline reviews", "Speed to lead, measured",
			"Adoption: making the CRM the team's habit", "Quotas that people believe in",
			"Customer success meets sales", "Account plans that close", "Reporting the board asks for" };

	private static final String[] EBOOKS = { "The forecast accuracy playbook", "The sales manager's weekly review",
			"Lead scoring for small teams", "The CRM adoption checklist", "Twelve pipeline reports that matter",
			"Marketing ROI without the guesswork", "The renewal playbook", "Building a sales process from scratch" };

	private static final String[][] TRADE_SHOWS = { { "3", "RetailTech Expo", "RetailTech Events Ltd" },
			{ "6", "SalesOps Summit", "Summit Conferences Inc." },
			{ "10", "CX World Congress", "CX World Congress GmbH" } };

	private static final String[] SOURCES = { "Web", PAID_SEARCH_SOURCE, "Webinar", "Partner", "Referral", "Outbound",
			"Inbound Call", "Existing Customer", "Other" };

	private static final int[] SOURCE_WEIGHTS = { 22, 25, 18, 7, 5, 10, 6, 4, 3 };

	/** The percentage of a source's worked leads that qualify. */
	private static final Map<String, Integer> QUALIFY_PERCENT = Map.of("Web", 9, PAID_SEARCH_SOURCE, 10, "Webinar", 24,
			"Partner", 32, "Referral", 28, "Outbound", 12, "Inbound Call", 20, "Existing Customer", 25, "Other", 6,
			"Trade Show", 4);

	private static final String[] REASONS_AFTER_WORK = { "No budget", "No need or interest",
			"Not the decision maker, no route to one", "Outside our market (size, region or industry)",
			"Already a customer or in an open deal", "Unreachable after several attempts", "Other" };

	private static final String[] REASONS_AT_ONCE = { "Spam or fake details", "Competitor or student",
			"Duplicate of another lead" };

	/** A demo rep who owns leads, with when they stopped using Bellwether (or null). */
	record Rep(UUID id, String region, LocalDate stoppedOn) {
	}

	/** A demo contact, as a converted lead was. */
	record Person(UUID id, String firstName, String lastName, String title, String email, String phone) {
	}

	/** A demo account with its contacts. */
	record Company(UUID id, String name, String country, List<Person> contacts) {
	}

	/**
	 * A demo deal. {@code closedAt} is {@link Long#MIN_VALUE} while it is open.
	 */
	record Deal(UUID id, UUID accountId, UUID primaryContactId, UUID ownerId, long createdAt, long closedAt,
			LocalDate closeDate, boolean won, long amountCents) {

		boolean closed() {
			return this.closedAt != Long.MIN_VALUE;
		}

	}

	/** Rows written, by table. */
	record Counts(int campaigns, int costs, int leads, int statusChanges, int members, int convertedLeads) {
	}

	/**
	 * What {@link #write} wrote, and the source of each deal a lead was converted into.
	 */
	record Written(Counts counts, Map<UUID, String> dealSources) {
	}

	enum Channel {

		TRADE_SHOW("trade-show"), WEBINAR("webinar"), PAID_SEARCH("paid-search"), CONTENT("content"),
		PARTNER("partner"), EMAIL("e-mail"), EVENTS("event");

		final String type;

		Channel(String type) {
			this.type = type;
		}

	}

	/** A campaign while it is generated; days are epoch days (UTC, as the demo's). */
	static final class Campaign {

		final UUID id;

		final String name;

		final Channel channel;

		final Campaign parent;

		long start;

		long end;

		long budgetCents;

		/** The day of the event (webinars, trade shows), or -1. */
		long eventDay = -1;

		long costCents;

		Campaign(UUID id, String name, Channel channel, Campaign parent, long start, long end, long budgetCents) {
			this.id = id;
			this.name = name;
			this.channel = channel;
			this.parent = parent;
			this.start = start;
			this.end = end;
			this.budgetCents = budgetCents;
		}

		long eventAt() {
			return this.eventDay * DAY + 16 * HOUR;
		}

	}

	private static final class LeadRow {

		UUID id;

		String firstName;

		String lastName;

		String company;

		String title;

		String email;

		String phone;

		String country;

		String source;

		UUID ownerId;

		long createdAt;

		LeadStatus status = LeadStatus.NEW;

		String reason;

		long acceptedAt = Long.MIN_VALUE;

		long firstActivityAt = Long.MIN_VALUE;

		long convertedAt = Long.MIN_VALUE;

		UUID accountId;

		UUID contactId;

		UUID opportunityId;

		long updatedAt;

		UUID updatedBy;

		int version;

	}

	private final long asOf;

	private final long today;

	private final UUID marketer;

	private final SplittableRandom random;

	private final List<Campaign> campaigns = new ArrayList<>();

	private final CopyRows campaignRows = new CopyRows("campaigns",
			"id, name, campaign_type, status, start_date, end_date, budget, currency, parent_id, owner_id, "
					+ "description, created_at, created_by, updated_at, updated_by, version");

	private final CopyRows costRows = new CopyRows("campaign_costs",
			"id, campaign_id, cost_date, supplier, amount, note, created_at, created_by, updated_at, updated_by, version");

	private final CopyRows leadRows = new CopyRows("leads",
			"id, first_name, last_name, company, title, email, phone, country, source, status, disqualify_reason, "
					+ "owner_id, converted_at, converted_by, converted_account_id, converted_contact_id, "
					+ "converted_opportunity_id, created_at, created_by, updated_at, updated_by, last_touched_at, "
					+ "last_touched_by, version, accepted_at, accepted_by, first_activity_at, first_activity_by");

	private final CopyRows changeRows = new CopyRows("lead_status_changes",
			"id, lead_id, from_status, to_status, changed_at, changed_by");

	private final CopyRows memberRows = new CopyRows("campaign_members",
			"id, campaign_id, member_type, member_id, status, sent_at, opened_at, responded_at, attended_at, "
					+ "created_at, created_by, updated_at, updated_by, version");

	/** (campaign, member) pairs written, so a person is a campaign's member once. */
	private final Set<String> memberships = new HashSet<>();

	private final Map<UUID, String> dealSources = new LinkedHashMap<>();

	/** The won deals of each account. */
	private final Map<UUID, List<Deal>> wonDeals = new HashMap<>();

	private int convertedLeads;

	/**
	 * @param seed the same seed, day and inputs give the same rows
	 * @param asOf the moment the story ends (the demo's: the last moment before today)
	 * @param marketer the marketing manager, who owns the campaigns and imports leads
	 */
	MarketingDataGenerator(long seed, long asOf, UUID marketer) {
		this.asOf = asOf;
		this.today = Math.floorDiv(asOf, DAY) + 1;
		this.marketer = marketer;
		this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x4D41524BL);
	}

	/**
	 * Generates every row in memory; {@link #write} sends them.
	 */
	MarketingDataGenerator generate(List<Rep> reps, List<Company> companies, List<Deal> deals) {
		long firstDay = LocalDate.ofEpochDay(this.today).minusMonths(MONTHS - 1).withDayOfMonth(1).toEpochDay();
		campaigns(firstDay);
		Map<UUID, Company> companyById = new HashMap<>();
		Set<String> companyNames = new HashSet<>();
		for (Company company : companies) {
			companyById.put(company.id(), company);
			companyNames.add(company.name());
		}
		Map<String, List<Rep>> regions = new LinkedHashMap<>();
		reps.forEach(rep -> regions.computeIfAbsent(rep.region(), k -> new ArrayList<>()).add(rep));
		Map<UUID, Rep> repById = new HashMap<>();
		reps.forEach(rep -> repById.put(rep.id(), rep));
		List<LeadRow> leads = new ArrayList<>();
		tradeShowLeads(leads, regions, companyNames);
		monthlyLeads(leads, firstDay, regions, companyNames);
		for (LeadRow lead : leads) {
			live(lead, repById.get(lead.ownerId));
		}
		convertedLeads(leads, firstDay, deals, companyById);
		contactTouches(firstDay, deals, companyById);
		tradeShowContacts(companies);
		nurtureAudience(companies);
		leads.sort(java.util.Comparator.comparingLong((LeadRow l) -> l.createdAt).thenComparing(l -> l.id));
		for (LeadRow lead : leads) {
			writeLead(lead);
		}
		for (Campaign campaign : this.campaigns) {
			writeCampaign(campaign);
		}
		return this;
	}

	// campaigns and their costs

	private void campaigns(long firstDay) {
		LocalDate first = LocalDate.ofEpochDay(firstDay);
		LocalDate lastPlanned = LocalDate.ofEpochDay(this.today + PLANNED_DAYS);
		Map<String, Campaign> parents = new LinkedHashMap<>();
		// webinars, monthly: the second Thursday at 16:00 UTC
		int topic = 0;
		for (LocalDate month = first; !month.isAfter(lastPlanned); month = month.plusMonths(1)) {
			LocalDate event = month.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.THURSDAY));
			if (event.isAfter(lastPlanned)) {
				break;
			}
			Campaign parent = parent(parents, event.getYear(), "Webinars", Channel.WEBINAR);
			Campaign webinar = child("Webinar: " + WEBINARS[topic++ % WEBINARS.length] + " ("
					+ month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.getYear() + ")",
					Channel.WEBINAR, parent, event.toEpochDay() - 21, event.toEpochDay(), 2_500_00);
			webinar.eventDay = event.toEpochDay();
			cost(webinar, webinar.start + 2, "LinkedIn Ads", 500_00 + this.random.nextInt(400_00), "Promotion");
			cost(webinar, webinar.eventDay, "StreamCast Webinars", 420_00, "Webinar platform, one session");
		}
		// trade shows: three a year, the expensive channel
		for (int year = first.getYear(); year <= lastPlanned.getYear(); year++) {
			for (String[] show : TRADE_SHOWS) {
				LocalDate event = LocalDate.of(year, Integer.parseInt(show[0]), 10);
				if (event.isBefore(first) || event.isAfter(lastPlanned)) {
					continue;
				}
				long day = event.toEpochDay();
				Campaign parent = parent(parents, year, "Events", Channel.EVENTS);
				Campaign tradeShow = child(show[1] + " " + year, Channel.TRADE_SHOW, parent, day - 90, day + 14,
						140_000_00);
				tradeShow.eventDay = day;
				long space = 45_000_00 + this.random.nextInt(15_000_00);
				cost(tradeShow, day - 90, show[2], space * 4 / 10, "Booth space, deposit");
				cost(tradeShow, day - 21, show[2], space - space * 4 / 10, "Booth space, balance");
				cost(tradeShow, day - 3, "Brightline Exhibits", 25_000_00 + this.random.nextInt(10_000_00),
						"Stand design and build");
				cost(tradeShow, day + 3, "Corporate Travel Partners", 12_000_00 + this.random.nextInt(6_000_00),
						"Travel and hotels for the booth team");
				cost(tradeShow, day - 10, "PromoWorks", 4_000_00 + this.random.nextInt(3_000_00), "Giveaways");
				cost(tradeShow, day + 7, "ScanBadge", 1_500_00 + this.random.nextInt(1_000_00),
						"Badge scanning and lead export");
			}
		}
		// paid search and content, by quarter
		for (LocalDate quarter = first.with(IsoFields.DAY_OF_QUARTER, 1); !quarter
			.isAfter(lastPlanned); quarter = quarter.plusMonths(3)) {
			long start = quarter.toEpochDay();
			long end = quarter.plusMonths(3).minusDays(1).toEpochDay();
			int q = quarter.get(IsoFields.QUARTER_OF_YEAR);
			Campaign search = child("Paid search Q" + q + " " + quarter.getYear(), Channel.PAID_SEARCH,
					parent(parents, quarter.getYear(), "Paid search", Channel.PAID_SEARCH), start, end, 36_000_00);
			for (LocalDate month = quarter; month.isBefore(quarter.plusMonths(3)); month = month.plusMonths(1)) {
				long monthEnd = month.plusMonths(1).minusDays(1).toEpochDay();
				cost(search, monthEnd, "Google Ads", 8_000_00 + this.random.nextInt(3_000_00),
						"Search ads, " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
				cost(search, monthEnd, "Microsoft Advertising", 1_200_00 + this.random.nextInt(800_00),
						"Search ads, " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
			}
			Campaign ebook = child("eBook: " + EBOOKS[Math.floorMod(quarter.getYear() * 4 + q, EBOOKS.length)],
					Channel.CONTENT, parent(parents, quarter.getYear(), "Content", Channel.CONTENT), start, end,
					9_000_00);
			cost(ebook, start + 14, "Inkwell Writers", 3_000_00 + this.random.nextInt(1_500_00), "Writing");
			cost(ebook, start + 30, "Northlight Design Studio", 1_200_00 + this.random.nextInt(800_00),
					"Design and layout");
			cost(ebook, start + 45, "LinkedIn Ads", 1_500_00 + this.random.nextInt(1_000_00), "Syndication");
		}
		// partner referrals and e-mail nurture, by year, for the years that have begun
		for (int year = first.getYear(); year <= LocalDate.ofEpochDay(this.today).getYear(); year++) {
			long start = Math.max(LocalDate.of(year, 1, 1).toEpochDay(), firstDay);
			long end = LocalDate.of(year, 12, 31).toEpochDay();
			Campaign partner = single("Partner referrals " + year, Channel.PARTNER, start, end, 30_000_00);
			Campaign nurture = single("Email nurture " + year, Channel.EMAIL, start, end, 15_000_00);
			for (LocalDate month = LocalDate.ofEpochDay(start).withDayOfMonth(1); month.getYear() == year; month = month
				.plusMonths(1)) {
				long monthEnd = month.plusMonths(1).minusDays(1).toEpochDay();
				cost(partner, monthEnd, "PartnerHub", 450_00, "Partner portal");
				cost(nurture, monthEnd, "MailFlow", 850_00, "E-mail platform");
			}
		}
		// a parent covers its sub-campaigns, and budgets for all of them
		for (Campaign campaign : this.campaigns) {
			if (campaign.parent != null) {
				campaign.parent.start = Math.min(campaign.parent.start, campaign.start);
				campaign.parent.end = Math.max(campaign.parent.end, campaign.end);
				campaign.parent.budgetCents += campaign.budgetCents;
			}
		}
	}

	private Campaign parent(Map<String, Campaign> parents, int year, String name, Channel channel) {
		return parents.computeIfAbsent(year + " " + name, key -> {
			Campaign parent = new Campaign(id(LocalDate.of(year, 1, 1).toEpochDay() * DAY - 30 * DAY), key, channel,
					null, Long.MAX_VALUE, Long.MIN_VALUE, 0);
			this.campaigns.add(parent);
			return parent;
		});
	}

	private Campaign child(String name, Channel channel, Campaign parent, long start, long end, long budget) {
		Campaign campaign = new Campaign(id(start * DAY - 14 * DAY), name, channel, parent, start, end, budget);
		this.campaigns.add(campaign);
		return campaign;
	}

	private Campaign single(String name, Channel channel, long start, long end, long budget) {
		return child(name, channel, null, start, end, budget);
	}

	/** A cost line, if its day has come. */
	private void cost(Campaign campaign, long day, String supplier, long cents, String note) {
		if (day >= this.today) {
			return;
		}
		long at = Math.min(day * DAY + 17 * HOUR, this.asOf);
		this.costRows.uuid(id(at))
			.uuid(campaign.id)
			.date(day)
			.text(supplier)
			.cents(cents)
			.text(note)
			.instant(at)
			.uuid(this.marketer)
			.instant(at)
			.uuid(this.marketer)
			.integer(0)
			.endRow();
		campaign.costCents += cents;
	}

	private void writeCampaign(Campaign c) {
		CampaignStatus status = c.end < this.today ? CampaignStatus.COMPLETED
				: c.start > this.today ? CampaignStatus.PLANNED : CampaignStatus.ACTIVE;
		long created = Math.min(c.start * DAY - 30 * DAY + 10 * HOUR, this.asOf - DAY);
		this.campaignRows.uuid(c.id)
			.text(c.name)
			.text(c.channel.type)
			.text(status.name())
			.date(c.start)
			.date(c.end)
			.cents(c.budgetCents)
			.text("USD")
			.uuid(c.parent == null ? null : c.parent.id)
			.uuid(this.marketer)
			.text(description(c))
			.instant(created)
			.uuid(this.marketer)
			.instant(created)
			.uuid(this.marketer)
			.integer(0)
			.endRow();
	}

	private static String description(Campaign c) {
		return switch (c.channel) {
			case TRADE_SHOW -> "Booth, stand and a team of four; badge scans imported as leads after the show.";
			case WEBINAR -> c.parent == null ? null : "A 45-minute live session with questions; recording sent after.";
			case PAID_SEARCH -> "Search ads on our own and competitors' names, landing on the demo request form.";
			case CONTENT -> "Gated download; the form creates a lead.";
			case PARTNER -> "Leads referred by resellers and consultants; a referral fee for each one that converts.";
			case EMAIL -> "Monthly newsletter and nurture sequences to prospects and customers.";
			case EVENTS -> "The year's trade shows.";
		};
	}

	private Campaign campaignAt(Channel channel, long day) {
		for (Campaign c : this.campaigns) {
			if (c.channel == channel && c.start <= day && day <= c.end) {
				return c;
			}
		}
		return null;
	}

	private List<Campaign> events(Channel channel, long fromDay, long toDay) {
		List<Campaign> found = new ArrayList<>();
		for (Campaign c : this.campaigns) {
			if (c.channel == channel && c.eventDay >= fromDay && c.eventDay <= toDay) {
				found.add(c);
			}
		}
		return found;
	}

	// leads

	private void tradeShowLeads(List<LeadRow> leads, Map<String, List<Rep>> regions, Set<String> companyNames) {
		for (Campaign show : List.copyOf(this.campaigns)) {
			if (show.channel != Channel.TRADE_SHOW || show.eventDay + 4 >= this.today) {
				continue;
			}
			int scans = 140 + this.random.nextInt(60);
			long imported = businessTime(show.eventDay + 2 + this.random.nextInt(2));
			for (int i = 0; i < scans; i++) {
				LeadRow lead = newLead(imported + i * 1_000L, "Trade Show", owner(regions), companyNames);
				long attended = businessTime(show.eventDay + this.random.nextInt(3));
				member(show, "LEAD", lead.id, lead.createdAt, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, attended);
				leads.add(lead);
			}
		}
	}

	private void monthlyLeads(List<LeadRow> leads, long firstDay, Map<String, List<Rep>> regions,
			Set<String> companyNames) {
		LocalDate month = LocalDate.ofEpochDay(firstDay);
		for (int k = 0; k < MONTHS; k++, month = month.plusMonths(1)) {
			long start = month.toEpochDay();
			long days = Math.min(month.lengthOfMonth(), this.today - start);
			if (days <= 0) {
				break;
			}
			int count = (int) ((105 + 5 * k) * days / month.lengthOfMonth());
			for (int i = 0; i < count; i++) {
				String source = SOURCES[weighted(SOURCE_WEIGHTS)];
				long created = Math.min(businessTime(start + this.random.nextInt((int) days)), this.asOf);
				LeadRow lead = newLead(created, source, owner(regions), companyNames);
				leads.add(lead);
				Channel channel = switch (source) {
					case "Web" -> this.random.nextInt(100) < 70 ? Channel.CONTENT : null;
					case PAID_SEARCH_SOURCE -> Channel.PAID_SEARCH;
					case "Webinar" -> Channel.WEBINAR;
					case "Partner" -> Channel.PARTNER;
					default -> null;
				};
				if (channel == Channel.WEBINAR) {
					long day = Math.floorDiv(created, DAY);
					List<Campaign> next = events(Channel.WEBINAR, day, day + 21);
					if (!next.isEmpty()) {
						registered(next.get(0), "LEAD", lead.id, created, this.random.nextInt(100) < 60);
					}
				}
				else if (channel != null) {
					Campaign campaign = campaignAt(channel, Math.floorDiv(created, DAY));
					if (campaign != null) {
						member(campaign, "LEAD", lead.id, created, Long.MIN_VALUE, Long.MIN_VALUE, created,
								Long.MIN_VALUE);
					}
				}
			}
		}
	}

	/** A webinar registration (a response), attended or not if the webinar has been. */
	private void registered(Campaign webinar, String type, UUID member, long at, boolean attends) {
		boolean attended = attends && webinar.eventAt() < this.asOf && webinar.eventAt() > at;
		member(webinar, type, member, at, Long.MIN_VALUE, Long.MIN_VALUE, at,
				attended ? webinar.eventAt() : Long.MIN_VALUE);
	}

	private UUID owner(Map<String, List<Rep>> regions) {
		List<List<Rep>> all = List.copyOf(regions.values());
		List<Rep> region = all.get(this.random.nextInt(all.size()));
		return region.get(this.random.nextInt(region.size())).id();
	}

	private LeadRow newLead(long createdAt, String source, UUID owner, Set<String> companyNames) {
		LeadRow lead = new LeadRow();
		lead.id = id(createdAt);
		lead.firstName = pick(DemoNames.FIRST_NAMES);
		lead.lastName = pick(DemoNames.LAST_NAMES);
		String company = pick(DemoNames.PREFIXES) + " " + pick(DemoNames.SUFFIXES);
		if (companyNames.contains(company)) {
			// not one of the demo's accounts: those are matched on conversion
			company = company + " Group";
		}
		lead.company = company;
		lead.title = pick(DemoNames.CONTACT_TITLES);
		lead.email = (lead.firstName + "." + lead.lastName).toLowerCase(Locale.ROOT) + "@"
				+ company.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
		lead.phone = "+1 555 " + (1000 + this.random.nextInt(9000));
		lead.country = pick(DemoNames.CITIES)[2];
		lead.source = source;
		lead.ownerId = owner;
		lead.createdAt = createdAt;
		lead.updatedAt = createdAt;
		lead.updatedBy = this.marketer;
		return lead;
	}

	/**
	 * A lead's way through its statuses as its owner works it: some disqualified at once
	 * (spam, students), some never touched, the others accepted after minutes to weeks,
	 * then qualified, disqualified with a reason or left working. Nothing happens after
	 * the story's end or after its owner stopped using Bellwether.
	 */
	private void live(LeadRow lead, Rep owner) {
		long limit = this.asOf;
		if (owner != null && owner.stoppedOn() != null) {
			limit = Math.min(limit, owner.stoppedOn().toEpochDay() * DAY);
		}
		int roll = this.random.nextInt(100);
		if (roll < 8) {
			long at = lead.createdAt + HOUR + this.random.nextInt(72) * HOUR;
			if (at < limit) {
				change(lead, LeadStatus.DISQUALIFIED, pick(REASONS_AT_ONCE), at, lead.ownerId);
			}
			return;
		}
		if (roll < 14) {
			// never touched: a leak the funnel shows
			return;
		}
		long accepted = lead.createdAt + acceptDelay();
		if (accepted >= limit) {
			return;
		}
		if (this.random.nextInt(100) < 85) {
			lead.firstActivityAt = Math.max(lead.createdAt + MINUTE, accepted - MINUTE * (1 + this.random.nextInt(20)));
		}
		change(lead, LeadStatus.WORKING, null, accepted, lead.ownerId);
		long decided = accepted + DAY * (2 + this.random.nextInt(44)) + this.random.nextInt(8) * HOUR;
		if (decided >= limit) {
			return;
		}
		int outcome = this.random.nextInt(100);
		if (outcome < QUALIFY_PERCENT.get(lead.source)) {
			change(lead, LeadStatus.QUALIFIED, null, decided, lead.ownerId);
		}
		else if (outcome < 82) {
			change(lead, LeadStatus.DISQUALIFIED, pick(REASONS_AFTER_WORK), decided, lead.ownerId);
		}
	}

	/**
	 * How long a lead waits to be accepted: minutes for some, days or weeks for others.
	 */
	private long acceptDelay() {
		int roll = this.random.nextInt(100);
		if (roll < 40) {
			return 5 * MINUTE + this.random.nextInt(115) * MINUTE;
		}
		if (roll < 75) {
			return 2 * HOUR + this.random.nextInt(70) * HOUR;
		}
		return 3 * DAY + this.random.nextInt(18) * DAY + this.random.nextInt(8) * HOUR;
	}

	private void change(LeadRow lead, LeadStatus to, String reason, long at, UUID by) {
		lead.status = to;
		lead.reason = reason;
		if (lead.acceptedAt == Long.MIN_VALUE && (to == LeadStatus.WORKING || to == LeadStatus.QUALIFIED)) {
			lead.acceptedAt = at;
		}
		lead.updatedAt = at;
		lead.updatedBy = by;
		lead.version++;
	}

	/**
	 * Leads converted into the demo's deals: the deal's contact, first a lead from a
	 * campaign (or not), accepted, and converted when the deal was created. Trade shows
	 * get few, and won revenue only within {@link #TRADE_SHOW_REVENUE_SHARE} of their
	 * cost.
	 */
	private void convertedLeads(List<LeadRow> leads, long firstDay, List<Deal> deals, Map<UUID, Company> companies) {
		for (Deal deal : deals) {
			if (deal.won()) {
				this.wonDeals.computeIfAbsent(deal.accountId(), k -> new ArrayList<>()).add(deal);
			}
		}
		Map<Integer, Long> tradeShowAllowance = new HashMap<>();
		for (Campaign c : this.campaigns) {
			if (c.channel == Channel.TRADE_SHOW) {
				tradeShowAllowance.merge(LocalDate.ofEpochDay(c.eventDay).getYear(),
						(long) (c.costCents * TRADE_SHOW_REVENUE_SHARE), Long::sum);
			}
		}
		String[] sources = { "Webinar", "Partner", PAID_SEARCH_SOURCE, "Web", "Trade Show", "Outbound", "Inbound Call",
				"Referral" };
		int[] weights = { 28, 20, 20, 14, 6, 5, 4, 3 };
		for (Deal deal : deals) {
			Company company = companies.get(deal.accountId());
			if (company == null || company.contacts().isEmpty() || deal.createdAt() < (firstDay + 20) * DAY
					|| this.random.nextInt(100) >= CONVERTED_DEALS_PERCENT) {
				continue;
			}
			Person person = personOf(deal, company);
			long dealDay = Math.floorDiv(deal.createdAt(), DAY);
			String source = sources[weighted(weights)];
			Campaign campaign = null;
			long created;
			long touch;
			long showTouch = Long.MIN_VALUE;
			if ("Trade Show".equals(source)) {
				List<Campaign> shows = events(Channel.TRADE_SHOW, dealDay - 150, dealDay - 4);
				Campaign show = shows.isEmpty() ? null : shows.get(this.random.nextInt(shows.size()));
				int year = deal.closeDate() == null ? 0 : deal.closeDate().getYear();
				boolean affordable = !deal.won() || tradeShowAllowance.getOrDefault(year, 0L) >= deal.amountCents();
				if (show != null) {
					showTouch = businessTime(show.eventDay + this.random.nextInt(2));
				}
				if (show != null && affordable && !wonAfter(deal.accountId(), showTouch, deal.id())) {
					campaign = show;
					if (deal.won()) {
						tradeShowAllowance.merge(year, -deal.amountCents(), Long::sum);
					}
				}
				else {
					source = "Outbound";
				}
			}
			if (campaign != null) {
				touch = showTouch;
				created = businessTime(campaign.eventDay + 2);
			}
			else if ("Webinar".equals(source)) {
				List<Campaign> webinars = events(Channel.WEBINAR, dealDay - 120, dealDay - 2);
				if (webinars.isEmpty()) {
					source = "Web";
					created = touch = before(deal, firstDay);
				}
				else {
					campaign = webinars.get(this.random.nextInt(webinars.size()));
					created = touch = campaign.eventAt() - DAY * (1 + this.random.nextInt(10));
				}
			}
			else {
				created = touch = before(deal, firstDay);
			}
			if (campaign == null) {
				Channel channel = switch (source) {
					case "Partner" -> Channel.PARTNER;
					case PAID_SEARCH_SOURCE -> Channel.PAID_SEARCH;
					case "Web" -> Channel.CONTENT;
					default -> null;
				};
				campaign = channel == null ? null : campaignAt(channel, Math.floorDiv(created, DAY));
			}
			LeadRow lead = new LeadRow();
			lead.id = id(created);
			lead.firstName = person.firstName();
			lead.lastName = person.lastName();
			lead.company = company.name();
			lead.title = person.title();
			lead.email = person.email();
			lead.phone = person.phone();
			lead.country = company.country();
			lead.source = source;
			lead.ownerId = deal.ownerId();
			lead.createdAt = created;
			lead.updatedAt = created;
			lead.updatedBy = this.marketer;
			long accepted = created + Math.min(acceptDelay(), (deal.createdAt() - created) / 2);
			lead.firstActivityAt = accepted - MINUTE;
			change(lead, LeadStatus.WORKING, null, accepted, deal.ownerId());
			change(lead, LeadStatus.QUALIFIED, null, deal.createdAt(), deal.ownerId());
			lead.convertedAt = deal.createdAt();
			lead.accountId = company.id();
			lead.contactId = person.id();
			lead.opportunityId = deal.id();
			leads.add(lead);
			this.convertedLeads++;
			this.dealSources.put(deal.id(), source);
			if (campaign != null) {
				long attended = campaign.channel == Channel.WEBINAR || campaign.channel == Channel.TRADE_SHOW
						? (campaign.channel == Channel.WEBINAR ? campaign.eventAt() : touch) : Long.MIN_VALUE;
				long responded = campaign.channel == Channel.TRADE_SHOW ? Long.MIN_VALUE : touch;
				member(campaign, "LEAD", lead.id, created, Long.MIN_VALUE, Long.MIN_VALUE, responded, attended);
				// conversion carries the lead's memberships over to the contact
				member(campaign, "CONTACT", person.id(), deal.createdAt(), Long.MIN_VALUE, Long.MIN_VALUE, responded,
						attended);
				if (campaign.channel == Channel.PARTNER) {
					cost(campaign, dealDay, "Referral fee", 1_500_00, "Referral fee: " + company.name());
				}
			}
		}
	}

	/**
	 * Whether a won deal at the account (other than the one given) closed after the
	 * moment: a touch of one of the account's people then would be credited with it.
	 */
	private boolean wonAfter(UUID accountId, long at, UUID except) {
		for (Deal won : this.wonDeals.getOrDefault(accountId, List.of())) {
			if (!won.id().equals(except) && won.closedAt() >= at) {
				return true;
			}
		}
		return false;
	}

	/** A moment 5 to 90 days before the deal was created, in the story. */
	private long before(Deal deal, long firstDay) {
		long at = businessTime(Math.floorDiv(deal.createdAt(), DAY) - 5 - this.random.nextInt(86));
		return Math.max(at, firstDay * DAY + 9 * HOUR);
	}

	private Person personOf(Deal deal, Company company) {
		for (Person person : company.contacts()) {
			if (person.id().equals(deal.primaryContactId())) {
				return person;
			}
		}
		return company.contacts().get(this.random.nextInt(company.contacts().size()));
	}

	/**
	 * Half the deals' people responded to a campaign before the deal was created or while
	 * it was open: e-mail nurture, webinars, content, paid search, partners — never a
	 * trade show (those are {@link #tradeShowContacts}).
	 */
	private void contactTouches(long firstDay, List<Deal> deals, Map<UUID, Company> companies) {
		Channel[] channels = { Channel.EMAIL, Channel.WEBINAR, Channel.CONTENT, Channel.PAID_SEARCH, Channel.PARTNER };
		int[] weights = { 35, 35, 15, 10, 5 };
		for (Deal deal : deals) {
			Company company = companies.get(deal.accountId());
			if (company == null || company.contacts().isEmpty() || this.random.nextInt(100) >= 50) {
				continue;
			}
			Person person = personOf(deal, company);
			long from = Math.max(deal.createdAt() - 90 * DAY, firstDay * DAY);
			long to = Math.min(deal.closed() ? deal.closedAt() : this.asOf,
					Math.min(this.asOf, deal.createdAt() + 45 * DAY));
			if (to - from < DAY) {
				continue;
			}
			Channel channel = channels[weighted(weights)];
			long at = from + (long) (this.random.nextDouble() * (to - from - HOUR));
			if (channel == Channel.WEBINAR) {
				List<Campaign> webinars = events(Channel.WEBINAR, Math.floorDiv(from, DAY) + 1,
						Math.floorDiv(to, DAY) - 1);
				if (webinars.isEmpty()) {
					continue;
				}
				Campaign webinar = webinars.get(this.random.nextInt(webinars.size()));
				registered(webinar, "CONTACT", person.id(), webinar.eventAt() - DAY * (1 + this.random.nextInt(10)),
						this.random.nextInt(100) < 70);
				continue;
			}
			Campaign campaign = campaignAt(channel, Math.floorDiv(at, DAY));
			if (campaign == null) {
				continue;
			}
			if (channel == Channel.EMAIL) {
				member(campaign, "CONTACT", person.id(), at - 3 * DAY, at - 3 * DAY, at - 2 * DAY, at, Long.MIN_VALUE);
			}
			else {
				member(campaign, "CONTACT", person.id(), at, Long.MIN_VALUE, Long.MIN_VALUE, at, Long.MIN_VALUE);
			}
		}
	}

	/**
	 * The contacts who came to the booth: from accounts none of whose won deals closed
	 * after the show (so the shows influence pipeline, not revenue).
	 */
	private void tradeShowContacts(List<Company> companies) {
		for (Campaign show : this.campaigns) {
			if (show.channel != Channel.TRADE_SHOW || show.eventDay + 2 >= this.today) {
				continue;
			}
			int visitors = 10 + this.random.nextInt(15);
			for (int tries = 0; visitors > 0 && tries < 200; tries++) {
				Company company = companies.get(this.random.nextInt(companies.size()));
				long attended = businessTime(show.eventDay + this.random.nextInt(3));
				if (company.contacts().isEmpty() || wonAfter(company.id(), attended, null)) {
					continue;
				}
				Person person = company.contacts().get(this.random.nextInt(company.contacts().size()));
				if (member(show, "CONTACT", person.id(), attended + DAY, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
						attended)) {
					visitors--;
				}
			}
		}
	}

	/**
	 * Each year's newsletter audience: contacts who were sent it and perhaps opened it,
	 * without responding (no touch).
	 */
	private void nurtureAudience(List<Company> companies) {
		for (Campaign nurture : List.copyOf(this.campaigns)) {
			if (nurture.channel != Channel.EMAIL) {
				continue;
			}
			for (Company company : companies) {
				for (Person person : company.contacts()) {
					if (this.random.nextInt(100) < 45) {
						long sent = businessTime(nurture.start + this.random.nextInt(20));
						if (sent >= this.asOf) {
							continue;
						}
						long opened = this.random.nextInt(100) < 40 ? sent + HOUR * (1 + this.random.nextInt(48))
								: Long.MIN_VALUE;
						member(nurture, "CONTACT", person.id(), sent, sent,
								opened < this.asOf ? opened : Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
					}
				}
			}
		}
	}

	/**
	 * A membership with the time each status was first reached; its status is the
	 * furthest reached.
	 * @return false when the person is a member already (left as it is)
	 */
	private boolean member(Campaign campaign, String type, UUID memberId, long added, long sent, long opened,
			long responded, long attended) {
		if (!this.memberships.add(campaign.id + "/" + type + "/" + memberId)) {
			return false;
		}
		CampaignMemberStatus status = attended != Long.MIN_VALUE ? CampaignMemberStatus.ATTENDED
				: responded != Long.MIN_VALUE ? CampaignMemberStatus.RESPONDED
						: opened != Long.MIN_VALUE ? CampaignMemberStatus.OPENED : CampaignMemberStatus.SENT;
		long updated = Math.max(Math.max(added, sent), Math.max(Math.max(opened, responded), attended));
		this.memberRows.uuid(id(added))
			.uuid(campaign.id)
			.text(type)
			.uuid(memberId)
			.text(status.name())
			.instant(sent)
			.instant(opened)
			.instant(responded)
			.instant(attended)
			.instant(added)
			.uuid(this.marketer)
			.instant(updated)
			.uuid(this.marketer)
			.integer(0)
			.endRow();
		return true;
	}

	private void writeLead(LeadRow lead) {
		// the lead's creation, then each status it entered, as Leads.recordStatus keeps
		// them
		UUID createdBy = this.marketer;
		this.changeRows.uuid(id(lead.createdAt))
			.uuid(lead.id)
			.nul()
			.text(LeadStatus.NEW.name())
			.instant(lead.createdAt)
			.uuid(createdBy)
			.endRow();
		LeadStatus from = LeadStatus.NEW;
		if (lead.acceptedAt != Long.MIN_VALUE) {
			this.changeRows.uuid(id(lead.acceptedAt))
				.uuid(lead.id)
				.text(from.name())
				.text(LeadStatus.WORKING.name())
				.instant(lead.acceptedAt)
				.uuid(lead.ownerId)
				.endRow();
			from = LeadStatus.WORKING;
		}
		if (from != lead.status) {
			this.changeRows.uuid(id(lead.updatedAt))
				.uuid(lead.id)
				.text(from.name())
				.text(lead.status.name())
				.instant(lead.updatedAt)
				.uuid(lead.updatedBy)
				.endRow();
		}
		boolean converted = lead.convertedAt != Long.MIN_VALUE;
		this.leadRows.uuid(lead.id)
			.text(lead.firstName)
			.text(lead.lastName)
			.text(lead.company)
			.text(lead.title)
			.text(lead.email)
			.text(lead.phone)
			.text(lead.country)
			.text(lead.source)
			.text(lead.status.name())
			.text(lead.reason)
			.uuid(lead.ownerId)
			.instant(lead.convertedAt)
			.uuid(converted ? lead.ownerId : null)
			.uuid(lead.accountId)
			.uuid(lead.contactId)
			.uuid(lead.opportunityId)
			.instant(lead.createdAt)
			.uuid(createdBy)
			.instant(lead.updatedAt)
			.uuid(lead.updatedBy)
			.instant(lead.updatedAt)
			.uuid(lead.updatedBy)
			.integer(lead.version)
			.instant(lead.acceptedAt)
			.uuid(lead.acceptedAt == Long.MIN_VALUE ? null : lead.ownerId)
			.instant(lead.firstActivityAt)
			.uuid(lead.firstActivityAt == Long.MIN_VALUE ? null : lead.ownerId)
			.endRow();
	}

	/**
	 * Sends the rows on the given connection — in its transaction, so a failure leaves
	 * nothing half-written.
	 */
	Written write(Connection connection) {
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			int campaigns = (int) this.campaignRows.copyTo(copy);
			int costs = (int) this.costRows.copyTo(copy);
			int leads = (int) this.leadRows.copyTo(copy);
			int changes = (int) this.changeRows.copyTo(copy);
			int members = (int) this.memberRows.copyTo(copy);
			return new Written(new Counts(campaigns, costs, leads, changes, members, this.convertedLeads),
					Map.copyOf(this.dealSources));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy the generated marketing rows", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The source of each deal a lead was converted into. */
	Map<UUID, String> dealSources() {
		return Map.copyOf(this.dealSources);
	}

	/** Every generated row as COPY text, for comparing two runs. */
	String fingerprint() {
		return this.campaignRows.toString() + this.costRows + this.leadRows + this.changeRows + this.memberRows;
	}

	private UUID id(long at) {
		return SalesDataGenerator.id(at, this.random);
	}

	private long businessTime(long day) {
		return day * DAY + 8 * HOUR + this.random.nextInt(10 * 60) * MINUTE + this.random.nextInt(60_000);
	}

	private int weighted(int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int roll = this.random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
