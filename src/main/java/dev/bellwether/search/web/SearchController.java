package dev.bellwether.search.web;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.marketing.Leads;
import dev.bellwether.service.Cases;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.identity.Viewer;
import dev.bellwether.search.GlobalSearch;
import dev.bellwether.search.SearchResults;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page the layout's search box submits to: hits grouped by record type.
 */
@Controller
class SearchController {

	static final int HITS_PER_TYPE = 20;

	static final int SUGGESTIONS_PER_TYPE = 4;

	private final GlobalSearch search;

	SearchController(GlobalSearch search) {
		this.search = search;
	}

	@Usage(UsageKind.SEARCH)
	@GetMapping("/search")
	String search(Viewer viewer, @RequestParam(defaultValue = "") String q, Model model) {
		SearchResults results = this.search.search(viewer, q, HITS_PER_TYPE);
		model.addAttribute("results", results);
		model.addAttribute("accountHits", results.ofType(Accounts.RECORD_TYPE));
		model.addAttribute("contactHits", results.ofType(Contacts.RECORD_TYPE));
		model.addAttribute("opportunityHits", results.ofType(Opportunities.RECORD_TYPE));
		model.addAttribute("leadHits", results.ofType(Leads.RECORD_TYPE));
		model.addAttribute("caseHits", results.ofType(Cases.RECORD_TYPE));
		model.addAttribute("hitsPerType", HITS_PER_TYPE);
		// keeps the query in the layout's search box, to refine it
		model.addAttribute("searchQuery", results.query());
		return "search/results";
	}

	/**
	 * The drop-down of the layout's search box, refreshed as the user types.
	 */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/search/suggest")
	String suggest(Viewer viewer, @RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("results", this.search.search(viewer, q, SUGGESTIONS_PER_TYPE));
		return "search/suggestions :: suggestions";
	}

}
