package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.sales.DealRevenue;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Deals made from cases (cross-sell) and the links between cases and deals (table
 * {@code case_opportunities}), both ways.
 * <p>
 * An agent who may change a case makes a deal from it through the sales module's
 * {@link Opportunities#create}: on the case's account, its lead source the sales
 * lead-source list's "Service" ({@link ServiceLeadSource}), owned by the account's sales
 * owner unless the agent chooses another sales person. Service users may not change deals
 * by the sales rules, and a deal belongs to a sales person, never to the agent; so that
 * an agent can hand a customer's interest to sales, the deal is created on the agent's
 * behalf with the sales administrator's right to give a new deal to any sales person
 * ({@link #onBehalfOf}) — for that one creation only: the agent is recorded as who
 * created it, every rule of deals (stage, owner, amount, pick lists) still applies, and
 * the agent reads the deal afterwards only if the sales rules let them (the case page
 * names a deal they may not open without its figures).
 */
@Service
@Transactional(readOnly = true)
public class CaseOpportunities {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final Opportunities opportunities;

	private final OpportunityAccess dealAccess;

	private final DealRevenue deals;

	private final PipelineStages stages;

	private final Products products;

	private final CustomerLookups customers;

	private final UserDirectory users;

	private final ServiceLeadSource leadSource;

	private final BusinessCalendars calendars;

	private final Clock clock;

	CaseOpportunities(JdbcClient jdbc, Cases cases, Opportunities opportunities, OpportunityAccess dealAccess,
			DealRevenue deals, PipelineStages stages, Products products, CustomerLookups customers, UserDirectory users,
			ServiceLeadSource leadSource, BusinessCalendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.opportunities = opportunities;
		this.dealAccess = dealAccess;
		this.deals = deals;
		this.stages = stages;
		this.products = products;
		this.customers = customers;
		this.users = users;
		this.leadSource = leadSource;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * What the form offers before the agent types anything: the case's subject as the
	 * name, the pipeline's first open stage, the account's sales owner, a close date 30
	 * days out.
	 */
	public CrossSellRequest defaults(Viewer viewer, UUID caseId) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		UUID owner = supportCase.accountId() == null ? null
				: this.customers.ownersOfAccounts(List.of(supportCase.accountId())).get(supportCase.accountId());
		return new CrossSellRequest(cut(supportCase.subject(), 200), null,
				LocalDate.now(this.clock.withZone(this.calendars.companyZone())).plusDays(30),
				firstOpenStage().map(PipelineStage::id).orElse(null), supportCase.productId(), owner);
	}

	/**
	 * @return the open, active stages a deal made from a case may start in, in pipeline
	 * order
	 */
	public List<PipelineStage> openStages() {
		return this.stages.active().stream().filter(PipelineStage::isOpen).toList();
	}

	/**
	 * @return the sales people a deal made from a case may belong to, by name
	 */
	public Map<UUID, String> ownerChoices() {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.users.activeSalesPeople().forEach(user -> names.put(user.id(), user.fullName()));
		return names;
	}

	/**
	 * @return the products on sale, by name
	 */
	public Map<UUID, String> productChoices() {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.products.active().forEach(product -> names.put(product.id(), product.name()));
		return names;
	}

	/**
	 * Makes a deal from the case and links the two (kind
	 * {@link CaseDealKind#CROSS_SELL}); notes it on the case as an internal note.
	 * @throws dev.bellwether.platform.RecordNotFoundException when the viewer may not
	 * read the case
	 * @throws ForbiddenException when they may read but not change it
	 * @throws dev.bellwether.platform.InvalidInputException naming each field that is
	 * wrong (no account on the case, no amount, an unknown or closed stage, an owner who
	 * is not a sales person, an unknown product, …)
	 */
	@Transactional
	public Opportunity createFromCase(Viewer viewer, UUID caseId, CrossSellRequest request) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		if (!this.cases.canEdit(viewer, supportCase)) {
			throw new ForbiddenException("You can't make a deal from case " + supportCase.reference()
					+ ": only those who may change the case can.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		UUID accountId = supportCase.accountId();
		if (accountId == null) {
			errors.put("accountId", "The case has no account: set its account before making a deal from it.");
		}
		if (request.amount() == null) {
			errors.put("amount", "Enter the deal's amount.");
		}
		else if (request.amount().signum() < 0) {
			errors.put("amount", "The amount can't be negative.");
		}
		if (request.closeDate() == null) {
			errors.put("closeDate", "Enter the expected close date.");
		}
		UUID stageId = request.stageId();
		if (stageId == null) {
			stageId = firstOpenStage().map(PipelineStage::id).orElse(null);
			if (stageId == null) {
				errors.put("stageId", "The pipeline has no open stage.");
			}
		}
		else {
			Optional<PipelineStage> stage = this.stages.find(stageId);
			if (stage.isEmpty()) {
				errors.put("stageId", "There is no stage with id " + stageId + ".");
			}
			else if (!stage.get().isOpen() || stage.get().retired()) {
				errors.put("stageId", stage.get().name() + " is not an open stage; choose one of "
						+ String.join(", ", openStages().stream().map(PipelineStage::name).toList()) + ".");
			}
		}
		UUID ownerId = request.ownerId();
		if (ownerId == null && accountId != null) {
			ownerId = this.customers.ownersOfAccounts(List.of(accountId)).get(accountId);
		}
		if (ownerId == null) {
			errors.put("ownerId", "Choose the sales person who will own the deal.");
		}
		else {
			Optional<User> owner = this.users.find(ownerId);
			if (owner.isEmpty()) {
				errors.put("ownerId", "There is no user with id " + ownerId + ".");
			}
			else if (!RecordOwners.isOwner(owner.get())) {
				errors.put("ownerId", owner.get().fullName() + " can't own deals: choose an active sales person.");
			}
		}
		if (request.productId() != null) {
			Optional<Product> product = this.products.find(request.productId());
			if (product.isEmpty()) {
				errors.put("productId", "There is no product with id " + request.productId() + ".");
			}
			else if (!product.get().active()) {
				errors.put("productId", product.get().name() + " is no longer sold; choose an active product.");
			}
		}
		InputValidation.throwIfAny(errors);

		String name = StringUtils.hasText(request.name()) ? request.name().trim() : cut(supportCase.subject(), 200);
		UUID contactId = contactAtAccount(supportCase);
		Viewer creator = onBehalfOf(viewer);
		Opportunity deal = this.opportunities.create(creator,
				// with a product, the deal is priced from its one line (as the deal page
				// prices it)
				new OpportunityDetails(name, accountId, contactId, ownerId, stageId, request.amount(),
						request.productId() != null, request.closeDate(), null, null, null, this.leadSource.ensure(),
						null, "Made from case " + supportCase.reference() + ": " + supportCase.subject()));
		if (request.productId() != null) {
			this.opportunities.addLineItem(creator, deal.id(),
					new LineItemDetails(request.productId(), BigDecimal.ONE, request.amount(), BigDecimal.ZERO, null));
		}
		link(caseId, deal.id(), CaseDealKind.CROSS_SELL, viewer.id());
		this.cases.addSystemNote(caseId, viewer.fullName() + " made the deal \"" + name + "\" from this case ("
				+ this.users.namesOf(List.of(ownerId)).getOrDefault(ownerId, "its owner") + " owns it).", true);
		return deal;
	}

	/**
	 * The agent, with the right of a sales administrator to give a new deal to any sales
	 * person, for creating the one deal a case asked for (see the class comment). Never
	 * used to read.
	 */
	static Viewer onBehalfOf(Viewer agent) {
		return new Viewer(agent.id(), agent.username(), agent.fullName(), Role.SALES_ADMIN);
	}

	/**
	 * @return the case's contact when it works at the case's account (a deal's primary
	 * contact must), else {@code null}
	 */
	private UUID contactAtAccount(SupportCase supportCase) {
		if (supportCase.contactId() == null || supportCase.accountId() == null) {
			return null;
		}
		UUID account = this.customers.accountsOfContacts(List.of(supportCase.contactId())).get(supportCase.contactId());
		return supportCase.accountId().equals(account) ? supportCase.contactId() : null;
	}

	/**
	 * Links a case and a deal; a link that exists already is left as it is.
	 * @return whether a link was added
	 */
	@Transactional
	boolean link(UUID caseId, UUID opportunityId, CaseDealKind kind, UUID actorId) {
		return this.jdbc.sql("""
				insert into case_opportunities (case_id, opportunity_id, kind, created_at, created_by)
				values (:caseId, :opportunityId, :kind, :now, :actor)
				on conflict do nothing
				""")
			.param("caseId", caseId)
			.param("opportunityId", opportunityId)
			.param("kind", kind.name())
			.param("now", utc(this.clock.instant()))
			.param("actor", actorId)
			.update() > 0;
	}

	/**
	 * The deals linked to a case the viewer may read, newest link first; each with its
	 * figures only when the viewer may read the deal (deals in the recycle bin are left
	 * out).
	 * @throws dev.bellwether.platform.RecordNotFoundException when the viewer may not
	 * read the case
	 */
	public List<CaseDeal> dealsOf(Viewer viewer, UUID caseId) {
		SupportCase supportCase = this.cases.get(viewer, caseId);
		List<Link> links = this.jdbc.sql("""
				select case_id, opportunity_id, kind, created_by, created_at from case_opportunities
				where case_id = :caseId order by created_at desc, opportunity_id
				""").param("caseId", caseId).query(CaseOpportunities::link).list();
		Map<UUID, DealRevenue.Deal> found = this.deals.of(links.stream().map(Link::opportunityId).toList());
		Map<UUID, String> owners = this.users
			.namesOf(found.values().stream().map(DealRevenue.Deal::ownerId).distinct().toList());
		List<CaseDeal> shown = new ArrayList<>();
		for (Link link : links) {
			DealRevenue.Deal deal = found.get(link.opportunityId());
			if (deal == null) {
				continue;
			}
			boolean readable = this.dealAccess.canRead(viewer, deal.ownerId());
			shown.add(new CaseDeal(caseId, supportCase.reference(), supportCase.subject(), deal.id(), link.kind(),
					link.createdBy(), link.createdAt(), readable, readable ? deal.name() : null,
					readable ? deal.stageName() : null, readable && deal.won(), readable ? deal.amount() : null,
					owners.get(deal.ownerId())));
		}
		return shown;
	}

	/**
	 * The cases linked to a deal, for the deal page's "Cases" card: only when the viewer
	 * may read the deal, and of its cases only those the viewer may read.
	 * @throws dev.bellwether.platform.RecordNotFoundException when the viewer may not
	 * read the deal
	 */
	public List<CaseDeal> casesOf(Viewer viewer, UUID opportunityId) {
		this.dealAccess.requireRead(viewer, opportunityId);
		List<Link> links = this.jdbc.sql("""
				select case_id, opportunity_id, kind, created_by, created_at from case_opportunities
				where opportunity_id = :id order by created_at desc, case_id
				""").param("id", opportunityId).query(CaseOpportunities::link).list();
		List<CaseDeal> shown = new ArrayList<>();
		for (Link link : links) {
			this.cases.find(link.caseId())
				.filter(supportCase -> this.cases.canRead(viewer, supportCase))
				.ifPresent(supportCase -> shown.add(new CaseDeal(supportCase.id(), supportCase.reference(),
						supportCase.subject(), opportunityId, link.kind(), link.createdBy(), link.createdAt(), true,
						null, supportCase.status().label(), false, null, null)));
		}
		return shown;
	}

	private Optional<PipelineStage> firstOpenStage() {
		return openStages().stream().findFirst();
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	record Link(UUID caseId, UUID opportunityId, CaseDealKind kind, UUID createdBy, java.time.Instant createdAt) {

	}

	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getObject("case_id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				CaseDealKind.valueOf(rs.getString("kind")), rs.getObject("created_by", UUID.class),
				instant(rs, "created_at"));
	}

}
