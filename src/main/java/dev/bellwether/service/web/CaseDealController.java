package dev.bellwether.service.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.service.CaseDeal;
import dev.bellwether.service.CaseDealKind;
import dev.bellwether.service.CaseOpportunities;
import dev.bellwether.service.Cases;
import dev.bellwether.service.CrossSellRequest;
import dev.bellwether.service.SupportCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deals and cases, both ways: the case page's "Deals" card (htmx, {@code GET
 * /cases/{id}/opportunities}) with the form that makes a deal from the case, the deal
 * page's "Cases" card ({@code GET /opportunities/{id}/cases}, which the sales page loads
 * by URL without depending on this module), and the API {@code GET/POST
 * /api/v1/cases/{id}/opportunities}.
 */
@Controller
@Tag(name = "Case deals", description = "Deals made from cases (cross-sell, lead source Service) and the cases "
		+ "linked to a deal; a deal made from a case belongs to a sales person, by default the account's owner.")
class CaseDealController {

	private final CaseOpportunities caseDeals;

	private final Cases cases;

	CaseDealController(CaseOpportunities caseDeals, Cases cases) {
		this.caseDeals = caseDeals;
		this.cases = cases;
	}

	@GetMapping("/cases/{id}/opportunities")
	@Usage(value = UsageKind.VIEW, ignore = true)
	String card(Viewer viewer, @PathVariable UUID id, Model model) {
		SupportCase supportCase = this.cases.get(viewer, id);
		model.addAttribute("form", CrossSellFormData.of(this.caseDeals.defaults(viewer, id)));
		return card(viewer, supportCase, model);
	}

	@PostMapping("/cases/{id}/opportunities")
	@Usage(UsageKind.CREATE)
	String create(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") CrossSellFormData form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		SupportCase supportCase = this.cases.get(viewer, id);
		Optional<Opportunity> created = FormErrors.save(result, model,
				() -> this.caseDeals.createFromCase(viewer, id, form.toRequest()), ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			String message = "Deal '" + created.get().name() + "' made; its owner takes it from here.";
			if (Htmx.isHtmx(request)) {
				model.addAttribute("flash", message);
				model.addAttribute("form", CrossSellFormData.of(this.caseDeals.defaults(viewer, id)));
				return card(viewer, supportCase, model);
			}
			redirect.addFlashAttribute("flashSuccess", message);
			return "redirect:/cases/" + id;
		}
		model.addAttribute("formOpen", true);
		if (Htmx.isHtmx(request)) {
			return card(viewer, supportCase, model);
		}
		card(viewer, supportCase, model);
		model.addAttribute("supportCase", supportCase);
		return "service/case-deals";
	}

	private String card(Viewer viewer, SupportCase supportCase, Model model) {
		model.addAttribute("caseId", supportCase.id());
		model.addAttribute("caseReference", supportCase.reference());
		List<CaseDeal> deals = this.caseDeals.dealsOf(viewer, supportCase.id());
		model.addAttribute("deals", deals);
		// the hand-off: from the win of the deal that opened this case to its first
		// public reply
		deals.stream()
			.filter(deal -> deal.kind() == CaseDealKind.ONBOARDING && supportCase.firstResponseAt() != null)
			.findFirst()
			.ifPresent(deal -> model.addAttribute("handOffHours",
					Math.max(0, Duration.between(deal.createdAt(), supportCase.firstResponseAt()).toSeconds())
							/ 3600.0));
		boolean canCreate = this.cases.canEdit(viewer, supportCase);
		model.addAttribute("canCreate", canCreate);
		model.addAttribute("hasAccount", supportCase.accountId() != null);
		if (canCreate) {
			Map<UUID, String> stages = new LinkedHashMap<>();
			for (PipelineStage stage : this.caseDeals.openStages()) {
				stages.put(stage.id(), stage.name());
			}
			model.addAttribute("stageChoices", stages);
			model.addAttribute("ownerChoices", this.caseDeals.ownerChoices());
			model.addAttribute("productChoices", this.caseDeals.productChoices());
		}
		return "service/case-deals :: card";
	}

	@GetMapping("/opportunities/{id}/cases")
	@Usage(value = UsageKind.VIEW, ignore = true)
	String casesOfDeal(Viewer viewer, @PathVariable UUID id, Model model) {
		model.addAttribute("linkedCases", this.caseDeals.casesOf(viewer, id));
		return "service/case-deals :: dealCases";
	}

	@GetMapping("/api/v1/cases/{id}/opportunities")
	@ResponseBody
	@Usage(UsageKind.API_CALL)
	@Operation(summary = "The deals linked to a case",
			description = "Deals made from the case (CROSS_SELL) and the deal whose win opened it (ONBOARDING). "
					+ "A deal's name, stage and amount are given only when the caller may read the deal.")
	List<CaseDeal> apiList(Viewer viewer, @PathVariable UUID id) {
		return this.caseDeals.dealsOf(viewer, id);
	}

	@PostMapping("/api/v1/cases/{id}/opportunities")
	@ResponseBody
	@Usage(UsageKind.API_CALL)
	@Operation(summary = "Make a deal from a case",
			description = "For those who may change the case. The deal is on the case's account with lead source "
					+ "Service, owned by ownerId (default: the account's sales owner), at stageId (default: the "
					+ "pipeline's first open stage); amount and closeDate are required; productId adds one line "
					+ "item at the amount. 201 with the link; 400 naming each wrong field; 404 for a case the "
					+ "caller may not read; 403 when they may read but not change it.")
	ResponseEntity<CaseDeal> apiCreate(Viewer viewer, @PathVariable UUID id, @RequestBody CrossSellRequest request) {
		if (request == null) {
			throw new InvalidInputException("amount", "Send the deal's amount and close date.");
		}
		Opportunity deal = this.caseDeals.createFromCase(viewer, id, request);
		CaseDeal link = this.caseDeals.dealsOf(viewer, id)
			.stream()
			.filter(d -> d.opportunityId().equals(deal.id()))
			.findFirst()
			.orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + deal.id())).body(link);
	}

}
