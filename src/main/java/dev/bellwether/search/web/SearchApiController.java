package dev.bellwether.search.web;

import java.util.List;

import dev.bellwether.identity.Viewer;
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
@Tag(name = "Search", description = "One search across accounts and contacts, honouring record visibility.")
class SearchApiController {

	private final GlobalSearch search;

	SearchApiController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping
	@Operation(summary = "Search accounts and contacts",
			description = "Finds accounts by part of their name or domain and contacts by part of their name or "
					+ "e-mail address. Exact name matches come first, then accounts, then contacts. limit (1 to "
					+ GlobalSearch.MAX_LIMIT + ", default 10) caps the hits of each kind.")
	List<SearchHit> search(Viewer viewer, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "10") int limit) {
		return this.search.search(viewer, q, limit).hits();
	}

}
