package dev.bellwether.audit.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.audit.FieldHistory;
import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.identity.RecordReadChecks;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.web.Htmx;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A record's field history as a page, or — for htmx, as the History card of a record page
 * loads it — just the table. One URL for both; records the viewer may not read are 404.
 */
@Controller
class FieldHistoryController {

	static final String FRAGMENT_ID = "field-history";

	/** Where each record type's own page lives, for the link back to it. */
	private static final Map<String, String> RECORD_PAGES = Map.of("account", "/accounts/", "contact", "/contacts/",
			"opportunity", "/opportunities/", "lead", "/leads/", "campaign", "/campaigns/");

	private static final int MAX_PAGE_SIZE = 100;

	private final FieldHistory history;

	private final RecordReadChecks records;

	FieldHistoryController(FieldHistory history, RecordReadChecks records) {
		this.history = history;
		this.records = records;
	}

	@GetMapping("/history/{recordType}/{id}")
	String history(Viewer viewer, @PathVariable String recordType, @PathVariable UUID id,
			@PageableDefault(size = 10) Pageable pageable, HttpServletRequest request, Model model) {
		if (!RECORD_PAGES.containsKey(recordType)) {
			throw new RecordNotFoundException(recordType, id);
		}
		this.records.requireRead(viewer, recordType, id);
		Pageable newestFirst = PageRequest.of(pageable.getPageNumber(),
				Math.min(pageable.getPageSize(), MAX_PAGE_SIZE));
		Page<FieldHistoryEntry> page = this.history.of(recordType, id, newestFirst);
		model.addAttribute("page", page);
		model.addAttribute("baseUrl", "/history/" + recordType + "/" + id);
		model.addAttribute("recordUrl", RECORD_PAGES.get(recordType) + id);
		model.addAttribute("recordName",
				this.records.publicNamesOf(recordType, Set.of(id)).getOrDefault(id, "this " + recordType));
		return Htmx.targets(request, FRAGMENT_ID) ? "audit/history :: history" : "audit/history";
	}

}
