package dev.bellwether.platform.edit.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.edit.BulkAction;
import dev.bellwether.platform.edit.BulkChanges;
import dev.bellwether.platform.edit.BulkOperation;
import dev.bellwether.platform.edit.BulkRequest;
import dev.bellwether.platform.web.SignedInUser;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bulk bar of the lists posts here; the operation's page shows its progress (polled
 * by htmx while it runs), what was refused and why, and offers to undo it.
 */
@Controller
class BulkController {

	private static final String FILTER = "filter.";

	private final BulkChanges bulk;

	private final ObjectProvider<SignedInUser> user;

	BulkController(BulkChanges bulk, ObjectProvider<SignedInUser> user) {
		this.bulk = bulk;
		this.user = user;
	}

	@PostMapping("/bulk/{recordType}")
	String start(@PathVariable String recordType, @RequestParam(required = false) BulkAction action,
			@RequestParam(required = false) List<UUID> ids, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) String field, @RequestParam(required = false) String value,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			@RequestParam Map<String, String> parameters, HttpServletRequest request, Model model) {
		Map<String, String> filters = new LinkedHashMap<>();
		parameters.forEach((name, text) -> {
			// a blank one is kept: it clears the filter of the view the list shows
			if (name.startsWith(FILTER)) {
				filters.put(name.substring(FILTER.length()), text);
			}
		});
		try {
			BulkOperation operation = this.bulk.start(this.user.getObject().required(),
					new BulkRequest(recordType, action, ids, all, filters, field, value, subject, dueDate, reason));
			return "redirect:/bulk/" + operation.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("back", request.getHeader("Referer"));
			return "platform/bulk";
		}
	}

	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/bulk/{id}")
	String operation(@PathVariable UUID id, HttpServletRequest request, Model model) {
		model.addAttribute("operation", this.bulk.get(this.user.getObject().required(), id));
		return Htmx.isHtmx(request) ? "platform/bulk :: progress" : "platform/bulk";
	}

	@PostMapping("/bulk/{id}/undo")
	String undo(@PathVariable UUID id, Model model, HttpServletRequest request) {
		try {
			this.bulk.undo(this.user.getObject().required(), id);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("operation", this.bulk.get(this.user.getObject().required(), id));
			model.addAttribute("problem", ex.getMessage());
			return "platform/bulk";
		}
		return "redirect:/bulk/" + id;
	}

}
