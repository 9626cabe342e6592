package dev.bellwether.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Searches accounts and contacts at once. Each module ranks its own hits and applies its
 * own visibility rules; this only merges them: records whose name is exactly the query
 * come first (the user most likely typed the name of what they want), then accounts, then
 * contacts, each in the order its module ranked them.
 */
@Service
public class GlobalSearch {

	public static final int MAX_LIMIT = 50;

	private final Accounts accounts;

	private final Contacts contacts;

	GlobalSearch(Accounts accounts, Contacts contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	/**
	 * @param limit the most hits to return of each record type, 1 to {@link #MAX_LIMIT}
	 */
	public SearchResults search(Viewer viewer, String query, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "Ask for 1 to " + MAX_LIMIT + " results of each kind.");
		}
		String text = query == null ? "" : query.trim();
		if (!StringUtils.hasText(text)) {
			return SearchResults.empty(text);
		}
		List<SearchHit> hits = new ArrayList<>();
		this.accounts.search(viewer, text, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		this.contacts.search(viewer, text, limit).stream().map(GlobalSearch::hit).forEach(hits::add);
		String exact = text.toLowerCase(Locale.ROOT);
		// a stable sort: within each group the modules' own ranking stays as it was
		hits.sort(Comparator.comparing((SearchHit hit) -> !hit.title().toLowerCase(Locale.ROOT).equals(exact)));
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

	private static String join(String... parts) {
		return Stream.of(parts)
			.filter(Objects::nonNull)
			.filter(StringUtils::hasText)
			.collect(Collectors.joining(" · "));
	}

}
