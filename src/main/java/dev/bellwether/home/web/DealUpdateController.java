package dev.bellwether.home.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.home.HomePages;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.web.DateInput;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-click update of a stale or overdue deal on "my day": its stage, close date and
 * next step, saved together. Answers an htmx request with the deal's row re-drawn (its
 * badges gone once it is fresh and on time), or with the row and what was wrong.
 */
@Controller
class DealUpdateController {

	/** The htmx event a saved deal sends, on which the page's counters refresh. */
	static final String DEALS_CHANGED = "deals-changed";

	private final Opportunities opportunities;

	private final HomePages pages;

	DealUpdateController(Opportunities opportunities, HomePages pages) {
		this.opportunities = opportunities;
		this.pages = pages;
	}

	@PostMapping("/home/deals/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) UUID stageId, @RequestParam(required = false) String closeDate,
			@RequestParam(required = false) String nextStep, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Opportunity deal = this.opportunities.get(viewer, id);
		String error = null;
		try {
			OpportunityDetails now = deal.details();
			OpportunityDetails changed = new OpportunityDetails(now.name(), now.accountId(), now.primaryContactId(),
					now.ownerId(), stageId == null ? now.stageId() : stageId, now.amount(), now.amountFromLineItems(),
					parse(closeDate), stageId == null || stageId.equals(now.stageId()) ? now.probability() : null,
					stageId == null || stageId.equals(now.stageId()) ? now.forecastCategory() : null, nextStep,
					now.leadSource(), now.lossReason(), now.description());
			deal = this.opportunities.update(viewer, id, version, changed);
			model.addAttribute("saved", true);
		}
		catch (StaleRecordException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			error = "Someone else changed this deal meanwhile; here it is as it is now. Update it again if needed.";
			deal = this.opportunities.get(viewer, id);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			error = String.join(" ", ex.fieldErrors().values());
		}
		catch (ForbiddenException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			error = ex.getMessage();
		}
		if (!Htmx.isHtmx(request)) {
			if (error != null) {
				redirect.addFlashAttribute("flashError", deal.name() + ": " + error);
			}
			else {
				redirect.addFlashAttribute("flashSuccess", "Updated “" + deal.name() + "”.");
			}
			return "redirect:/?view=day";
		}
		if (error == null) {
			// the counters of "my day" count the deal again
			response.setHeader("HX-Trigger", DEALS_CHANGED);
		}
		model.addAttribute("d", deal);
		model.addAttribute("rowError", error);
		model.addAttribute("openStages", this.pages.openStages());
		model.addAttribute("accountNames", this.pages.accountNames(List.of(deal)));
		return "home/home :: dealRow";
	}

	private static LocalDate parse(String date) {
		if (date == null || date.isBlank()) {
			throw new InvalidInputException("closeDate", "Enter the expected close date.");
		}
		return DateInput.date("closeDate", date);
	}

}
