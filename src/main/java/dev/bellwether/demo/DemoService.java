package dev.bellwether.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.service.AccountTier;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseOpportunities;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.CostRateDetails;
import dev.bellwether.service.CrossSellRequest;
import dev.bellwether.service.OnboardingRuleDetails;
import dev.bellwether.service.OnboardingRules;
import dev.bellwether.service.ServiceCostRates;
import dev.bellwether.service.SlaPolicies;
import dev.bellwether.service.SlaPolicy;
import dev.bellwether.service.SlaTargets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The demo company's customer service: Helen Park ({@code service}) leads four agents
 * ({@link DemoPeople#SERVICE_AGENTS}) who work three queues — the seeded "Support", and
 * "Billing" and "Onboarding" made through {@link CaseQueues} — and two years of cases
 * ({@value #CASES} of them, and a backlog of {@value #BACKLOG} still being worked) on the
 * demo's accounts, contacts and products, written by {@link ServiceDataGenerator}: their
 * replies and notes, statuses, SLA history in the default policy's business hours (mostly
 * met, some breached) and answered surveys. The {@value #WORSE_PRODUCT} product (the Edge
 * Gateway Appliance) has the clearly worse satisfaction.
 */
@Component
class DemoService {

	/** Two years of cases: about two and a half a day. */
	static final int CASES = 1_800;

	/** Cases of the last two weeks still new, open or waiting on the customer. */
	static final int BACKLOG = 30;

	static final int BACKLOG_DAYS = 14;

	static final int HISTORY_DAYS = 730;

	/** The product code of the product whose cases go worst. */
	static final String WORSE_PRODUCT = "EDGE-GW";

	/** How often each agent misses a target, in a hundred (the newest the most). */
	private static final int[] BREACH_PERCENT = { 4, 6, 8, 13 };

	/** What the agents found to sell: product code, deal name, amount. */
	private static final String[][] CROSS_SELL = { { "IMPL-STD", "Implementation of the new workspace", "24000.00" },
			{ "SUP-PREM", "Premium Support for the analysts", "9000.00" },
			{ "TRAIN-DAY", "Training day for the new team", "2200.00" },
			{ "CONN-PACK", "Connector pack for the warehouse", "3000.00" },
			{ "SSO-ADD", "Single sign-on for all seats", "4800.00" },
			{ "SUP-PREM", "Premium Support after the outage", "6000.00" },
			{ "TRAIN-DAY", "Refresher training", "2200.00" } };

	private static final Logger log = LoggerFactory.getLogger(DemoService.class);

	private final CaseQueues queues;

	private final ServiceCostRates rates;

	private final CaseOpportunities caseOpportunities;

	private final OnboardingRules onboardingRules;

	private final Opportunities opportunities;

	private final UserDirectory users;

	private final Clock clock;

	private final SlaPolicies policies;

	private final BusinessCalendars calendars;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final long seed;

	private final Duration surveyValidFor;

	DemoService(CaseQueues queues, ServiceCostRates rates, CaseOpportunities caseOpportunities,
			OnboardingRules onboardingRules, Opportunities opportunities, UserDirectory users, Clock clock,
			SlaPolicies policies, BusinessCalendars calendars, DataSource dataSource,
			@Value("${bellwether.demo.seed:20260101}") long seed,
			@Value("${bellwether.service.surveys.valid-for:P14D}") Duration surveyValidFor) {
		this.queues = queues;
		this.rates = rates;
		this.caseOpportunities = caseOpportunities;
		this.onboardingRules = onboardingRules;
		this.opportunities = opportunities;
		this.users = users;
		this.clock = clock;
		this.policies = policies;
		this.calendars = calendars;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.seed = seed;
		this.surveyValidFor = surveyValidFor;
	}

	/**
	 * Seeds the queues and the cases, in the caller's transaction.
	 * @return what was written
	 */
	ServiceDataGenerator.Counts seed(Instant asOf, Viewer admin, Map<String, UUID> ids,
			List<AccountDetails> accountDetails, List<UUID> accountIds, List<ContactDetails> contactDetails,
			List<UUID> contactIds, Map<String, UUID> productIds) {
		long started = System.nanoTime();
		UUID lead = ids.get("service");
		CaseQueue support = this.queues.defaultQueue();
		this.jdbc.update("update case_queues set manager_id = ? where id = ? and manager_id is null", lead,
				support.id());
		CaseQueue billing = this.queues.create(admin, "Billing", "Invoices, seats, credit notes and payments.", lead);
		CaseQueue onboarding = this.queues.create(admin, "Onboarding",
				"New customers' kick-off, data migration and training.", lead);
		List<ServiceDataGenerator.Agent> agents = new ArrayList<>();
		for (int a = 0; a < DemoPeople.SERVICE_AGENTS.size(); a++) {
			String username = DemoPeople.SERVICE_AGENTS.get(a);
			UUID id = ids.get(username);
			agents.add(new ServiceDataGenerator.Agent(id, username + "@bellwether-demo.com", BREACH_PERCENT[a]));
			this.queues.join(admin, support.id(), id);
			// the senior agent takes billing, the next onboarding
			if (a == 0 || a == 2) {
				this.queues.join(admin, billing.id(), id);
			}
			if (a == 1 || a == 3) {
				this.queues.join(admin, onboarding.id(), id);
			}
		}
		List<ServiceDataGenerator.Requester> requesters = new ArrayList<>();
		for (int c = 0; c < contactIds.size(); c++) {
			ContactDetails contact = contactDetails.get(c);
			requesters.add(new ServiceDataGenerator.Requester(contact.accountId(), contactIds.get(c),
					(contact.firstName() + " " + contact.lastName()).strip(), contact.email()));
		}
		ServiceDataGenerator generator = generator(this.seed, asOf,
				this.policies.forTier(AccountTier.STANDARD).orElseThrow(), this.calendars, this.surveyValidFor,
				this.jdbc.queryForObject("select coalesce(max(number), 1000) + 1 from cases", Long.class))
			.worseProduct(productIds.get(WORSE_PRODUCT))
			.currency(this.rates.currency());
		// what an hour of an agent's time costs: a raise a year ago
		ZoneId zone = this.calendars.companyZone();
		this.rates.add(admin, new CostRateDetails(Role.SERVICE, new BigDecimal("42.00"),
				LocalDate.ofInstant(asOf, zone).minusDays(HISTORY_DAYS + 1)));
		this.rates.add(admin, new CostRateDetails(Role.SERVICE, new BigDecimal("45.50"),
				LocalDate.ofInstant(asOf, zone).minusDays(365)));
		ServiceDataGenerator.Queues queueIds = new ServiceDataGenerator.Queues(support.id(), billing.id(),
				onboarding.id());
		List<UUID> products = List.copyOf(productIds.values());
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		ServiceDataGenerator.Counts counts;
		try {
			generator.history(connection, asOf.minus(HISTORY_DAYS, ChronoUnit.DAYS), CASES, agents, queueIds,
					requesters, products);
			generator.backlog(connection, BACKLOG_DAYS, BACKLOG, agents, queueIds, requesters, products);
			counts = generator.finish(connection);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		this.jdbc.execute("select setval('case_number_seq', (select max(number) from cases))");
		int deals = crossSell(admin, onboarding.id(), productIds,
				agents.stream().map(ServiceDataGenerator.Agent::id).toList());
		log.info("Demo cross-sell: {} deals made from cases", deals);
		log.info("Demo service: {} in {} ms", counts, (System.nanoTime() - started) / 1_000_000);
		return counts;
	}

	/**
	 * The rule that opens an onboarding case for each implementation won from now on, and
	 * a few deals the demo's agents found in their latest resolved cases, made from them
	 * as an agent does (lead source Service, owned by the account's sales owner), every
	 * other one won by its owner since — the first of those an implementation, which
	 * opens its onboarding case by that rule.
	 * @return the deals made
	 */
	private int crossSell(Viewer admin, UUID onboardingQueue, Map<String, UUID> productIds, List<UUID> agents) {
		this.onboardingRules.create(admin, new OnboardingRuleDetails("Implementations", true, null,
				productIds.get("IMPL-STD"), onboardingQueue, CasePriority.HIGH, OnboardingRules.DEFAULT_SUBJECT));
		UUID won = this.jdbc.queryForObject(
				"select id from pipeline_stages where outcome = 'WON' and not retired order by position limit 1",
				UUID.class);
		List<Map<String, Object>> found = this.jdbc.queryForList("""
				select c.id, c.owner_id from cases c
				where c.status in ('RESOLVED', 'CLOSED') and c.account_id is not null
				  and c.owner_id = any(cast(? as uuid[])) and c.deleted_at is null
				order by c.resolved_at desc, c.id limit ?""", SqlArrays.of(agents), CROSS_SELL.length);
		int made = 0;
		for (int i = 0; i < found.size(); i++) {
			String[] offer = CROSS_SELL[i];
			UUID caseId = (UUID) found.get(i).get("id");
			Viewer agent = Viewer.of(this.users.find((UUID) found.get(i).get("owner_id")).orElseThrow());
			Opportunity deal = this.caseOpportunities
				.createFromCase(agent, caseId, new CrossSellRequest(offer[1], new BigDecimal(offer[2]),
						LocalDate.ofInstant(this.clock.instant(), this.calendars.companyZone()).plusDays(30 + i * 7),
						null, productIds.get(offer[0]), null));
			made++;
			if (i % 2 == 0) {
				Viewer owner = Viewer.of(this.users.find(deal.ownerId()).orElseThrow());
				this.opportunities.changeStage(owner, deal.id(), won,
						this.opportunities.get(owner, deal.id()).version(), null);
			}
		}
		return made;
	}

	/**
	 * A generator whose cases take the policy's targets in its calendar, as the service
	 * module would give a case opened now.
	 */
	static ServiceDataGenerator generator(long seed, Instant asOf, SlaPolicy policy, BusinessCalendars calendars,
			Duration surveyValidFor, long firstNumber) {
		Map<CasePriority, SlaTargets> targets = new EnumMap<>(CasePriority.class);
		for (CasePriority priority : CasePriority.values()) {
			targets.put(priority, policy.targetsFor(priority));
		}
		ServiceDataGenerator.Policy sla = new ServiceDataGenerator.Policy(policy.id(), policy.calendarId(),
				calendars.get(policy.calendarId()).calendar(), policy.warnPercentLeft(), targets);
		return new ServiceDataGenerator(seed, asOf, sla, surveyValidFor, firstNumber);
	}

}
