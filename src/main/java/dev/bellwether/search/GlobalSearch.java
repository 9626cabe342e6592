package dev.bellwether.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.Leads;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.TextSearch;
import dev.bellwether.platform.web.Dates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Searches accounts, contacts, opportunities and leads at once. Each module ranks its own
 * hits (accounts, contacts and deals with {@link dev.bellwether.platform.TextSearch}, so
 * alike; leads by name, company or e-mail address containing the text) and applies its
 * own visibility rules; this only merges them: records whose name is exactly the query
 * come first (the user most likely typed the name of what they want), then names starting
 * with it, then the rest — within each, accounts, then contacts, then opportunities, then
 * leads, each in its module's order.
 */
@Service
public class GlobalSearch {

	public static final int MAX_LIMIT = 50;

	private final Accounts accounts;

	private final Contacts contacts;

	private final Opportunities opportunities;

	private final Leads leads;

	private final Cases cases;

	private final JdbcClient jdbc;

	GlobalSearch(Accounts accounts, Contacts contacts, Opportunities opportunities, Leads leads, Cases cases,
			JdbcClient jdbc) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.leads = leads;
		this.accounts = accounts;
		this.contacts = contacts;
		this.opportunities = opportunities;
	}

	/**
	 * @param limit the most hits to return of each record type, 1 to {@link #MAX_LIMIT}
	 */
	@Transactional(readOnly = true)
	public SearchResults search(Viewer viewer, String query, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " results of each kind.");
		}
		String text = query == null ? "" : query.trim();
		if (!StringUtils.hasText(text)) {
			return SearchResults.empty(text);
		}
		// the words and their corrections looked up once for the three types
		TextSearch search = TextSearch.prepare(this.jdbc, text);
		List<SearchHit> hits = new ArrayList<>();
		this.accounts.search(viewer, search, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		this.contacts.search(viewer, search, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		List<Opportunity> deals = this.opportunities.search(viewer, search, limit);
		Map<UUID, String> accountNames = this.accounts
			.namesOf(deals.stream().map(Opportunity::accountId).collect(Collectors.toSet()));
		deals.stream().map(deal -> hit(deal, accountNames.get(deal.accountId()))).forEach(hits::add);
		this.leads.search(viewer, text, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		// cases by number ("#1042") or subject, each seen by the service module's rules
		this.cases.search(viewer, text, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		String exact = text.toLowerCase(Locale.ROOT);
		// a stable sort: within each group the modules' own ranking stays as it was
		hits.sort(Comparator.comparing((SearchHit hit) -> closeness(hit, exact)));
		return new SearchResults(text, hits);
	}

	private static SearchHit hit(Account account) {
		return new SearchHit(Accounts.RECORD_TYPE, account.id(), account.name(),
				join(account.domain(), account.billingCity(), account.industry()), "/accounts/" + account.id());
	}

	private static SearchHit hit(Contact contact) {
		return new SearchHit(Contacts.RECORD_TYPE, contact.id(), contact.fullName(),
				join(contact.title(), contact.accountName(), contact.email()), "/contacts/" + contact.id());
	}

	private static SearchHit hit(Opportunity deal, String accountName) {
		String amount = deal.amount() == null ? null
				: deal.currency() + " " + String.format(Locale.ROOT, "%,.0f", deal.amount());
		return new SearchHit(Opportunities.RECORD_TYPE, deal.id(), deal.name(),
				join(accountName, deal.stageName(), amount, "closes " + Dates.format(deal.closeDate())),
				"/opportunities/" + deal.id());
	}

	private static SearchHit hit(Lead lead) {
		return new SearchHit(Leads.RECORD_TYPE, lead.id(), lead.fullName(),
				join(lead.title(), lead.company(), lead.email(), lead.status().label()), "/leads/" + lead.id());
	}

	private static SearchHit hit(SupportCase c) {
		return new SearchHit(Cases.RECORD_TYPE, c.id(), c.reference() + " " + c.subject(),
				join(c.status().label(), c.priority().label() + " priority", c.requesterEmail()), "/cases/" + c.id());
	}

	/**
	 * 0 for a title that is the query, 1 for one that starts with it, 2 for the rest.
	 */
	private static int closeness(SearchHit hit, String query) {
		String title = hit.title().toLowerCase(Locale.ROOT);
		return title.equals(query) ? 0 : title.startsWith(query) ? 1 : 2;
	}

	private static String join(String... parts) {
		return Stream.of(parts)
			.filter(Objects::nonNull)
			.filter(StringUtils::hasText)
			.collect(Collectors.joining(" · "));
	}

}
