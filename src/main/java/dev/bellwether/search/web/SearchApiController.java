package dev.bellwether.search.web;

import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.search.GlobalSearch;
import dev.bellwether.search.SearchHit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search",
		description = "One search across accounts, contacts, opportunities and leads, honouring record visibility.")
class SearchApiController {

	private final GlobalSearch search;

	SearchApiController(GlobalSearch search) {
		this.search = search;
	}

	@Usage(UsageKind.SEARCH)
	@GetMapping
	@Operation(summary = "Search accounts, contacts, opportunities and leads",
			description = "Finds accounts by their name or domain, contacts by their name or e-mail address and "
					+ "opportunities by their name: containing the text, a near miss of it (typos), or all of its "
					+ "words in any order; leads by their name, company or e-mail address containing the text. Exact "
					+ "names come first, then names starting with the text, then the rest; within each, accounts, "
					+ "contacts, opportunities, leads. Deals and leads the caller may not see are never found. limit (1 to "
					+ GlobalSearch.MAX_LIMIT + ", default 10) caps the hits of each kind.")
	List<SearchHit> search(Viewer viewer, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "10") int limit) {
		return this.search.search(viewer, q, limit).hits();
	}

}
