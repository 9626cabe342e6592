package dev.bellwether.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.customers.Accounts;
import dev.bellwether.sales.DealRevenue;
import dev.bellwether.sales.LineItem;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityStageChanged;
import dev.bellwether.sales.StageOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The hand-off from sales: when a deal is won, the first enabled onboarding rule it meets
 * ({@link OnboardingRules#matching}) opens an onboarding case for the deal's account in
 * the rule's queue, at its priority, and links it to the deal (kind
 * {@link CaseDealKind#ONBOARDING}; the link's {@code created_at} is the instant the deal
 * was won, from which the hand-off time is measured, see {@link CrossSell#handOff}). One
 * onboarding case per deal, ever: a repeated event, or the deal won again after being
 * reopened, opens none (a unique index backs this check when two deliveries race).
 */
@Service
@Transactional(readOnly = true)
public class Onboarding {

	private final JdbcClient jdbc;

	private final OnboardingRules rules;

	private final Cases cases;

	private final DealRevenue deals;

	private final Opportunities opportunities;

	private final Accounts accounts;

	Onboarding(JdbcClient jdbc, OnboardingRules rules, Cases cases, DealRevenue deals, Opportunities opportunities,
			Accounts accounts) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.cases = cases;
		this.deals = deals;
		this.opportunities = opportunities;
		this.accounts = accounts;
	}

	/**
	 * @return the onboarding case opened, or nothing (the deal is not won, is gone, has
	 * one already, or no enabled rule applies)
	 */
	@Transactional
	public Optional<SupportCase> dealWon(OpportunityStageChanged event) {
		if (event.outcome() != StageOutcome.WON || onboardingCaseOf(event.opportunityId()).isPresent()) {
			return Optional.empty();
		}
		DealRevenue.Deal deal = this.deals.of(List.of(event.opportunityId())).get(event.opportunityId());
		if (deal == null || deal.accountId() == null) {
			return Optional.empty();
		}
		Set<UUID> products = this.opportunities.lineItemsOf(List.of(deal.id()))
			.getOrDefault(deal.id(), List.of())
			.stream()
			.map(LineItem::productId)
			.collect(Collectors.toSet());
		Optional<OnboardingRule> rule = this.rules.matching(deal.amount(), products);
		if (rule.isEmpty()) {
			return Optional.empty();
		}
		String account = this.accounts.namesOf(List.of(deal.accountId())).getOrDefault(deal.accountId(), "");
		String subject = rule.get().subjectTemplate().replace("{deal}", deal.name()).replace("{account}", account);
		if (subject.length() > 300) {
			subject = subject.substring(0, 300);
		}
		SupportCase opened = this.cases.openForSystem(new CaseDetails(subject,
				"Onboarding for the deal \"" + deal.name() + "\" won by " + account + " (rule " + rule.get().name()
						+ ").",
				deal.accountId(), null, rule.get().productId(), rule.get().priority(), CaseChannel.PHONE, null,
				rule.get().queueId(), null, null));
		int linked = this.jdbc.sql("""
				insert into case_opportunities (case_id, opportunity_id, kind, created_at, created_by)
				values (:caseId, :opportunityId, 'ONBOARDING', :wonAt, null)
				on conflict do nothing
				""")
			.param("caseId", opened.id())
			.param("opportunityId", deal.id())
			.param("wonAt", utc(event.at()))
			.update();
		if (linked == 0) {
			// another delivery of the event linked its case first: undo this one's case
			throw new IllegalStateException("Deal " + deal.id() + " has an onboarding case already");
		}
		return Optional.of(opened);
	}

	/**
	 * @return the onboarding case a deal opened, if any
	 */
	public Optional<UUID> onboardingCaseOf(UUID opportunityId) {
		return this.jdbc
			.sql("select case_id from case_opportunities where opportunity_id = :id and kind = 'ONBOARDING'")
			.param("id", opportunityId)
			.query(UUID.class)
			.optional();
	}

}
