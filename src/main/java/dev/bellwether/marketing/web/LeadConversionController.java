package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadConversion;
import dev.bellwether.marketing.LeadConversions;
import dev.bellwether.marketing.LeadConverted;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page that converts a lead: what its company and address match, who owns what it
 * becomes, and the deal to open.
 */
@Controller
class LeadConversionController {

	private final Leads leads;

	private final LeadConversions conversions;

	private final PipelineStages stages;

	private final RecordOwners owners;

	private final Clock clock;

	LeadConversionController(Leads leads, LeadConversions conversions, PipelineStages stages, RecordOwners owners,
			Clock clock) {
		this.leads = leads;
		this.conversions = conversions;
		this.stages = stages;
		this.owners = owners;
		this.clock = clock;
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping("/leads/{id}/convert")
	String form(Viewer viewer, @PathVariable UUID id, Model model) {
		Lead lead = this.leads.get(viewer, id);
		model.addAttribute("dealName",
				(StringUtils.hasText(lead.company()) ? lead.company() + " – " : "") + lead.fullName());
		model.addAttribute("closeDate", LocalDate.now(this.clock).plusDays(30));
		model.addAttribute("createDeal", true);
		return page(viewer, lead, model);
	}

	private String page(Viewer viewer, Lead lead, Model model) {
		model.addAttribute("lead", lead);
		model.addAttribute("matches", this.conversions.matches(viewer, lead.id()));
		model.addAttribute("stages", this.stages.active().stream().filter(PipelineStage::isOpen).toList());
		Map<UUID, String> owners = this.owners.choiceNames(viewer, OpportunityAccess.ACCESS, null);
		model.addAttribute("ownerChoices", owners);
		model.addAttribute("ownerId", owners.containsKey(lead.ownerId()) ? lead.ownerId() : null);
		return "marketing/lead-convert";
	}

	@PostMapping("/leads/{id}/convert")
	String convert(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) UUID accountId, @RequestParam(required = false) UUID ownerId,
			@RequestParam(defaultValue = "false") boolean createDeal, @RequestParam(required = false) String dealName,
			@RequestParam(required = false) UUID stageId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) LocalDate closeDate, Model model, RedirectAttributes redirect) {
		Lead lead = this.leads.get(viewer, id);
		try {
			BigDecimal value = StringUtils.hasText(amount) ? parse(amount) : null;
			LeadConverted converted = this.conversions.convert(viewer, id, new LeadConversion(version, accountId,
					ownerId, createDeal, dealName, stageId, value, createDeal ? closeDate : null));
			redirect.addFlashAttribute("flashSuccess",
					lead.fullName() + " is converted: "
							+ (converted.accountCreated() ? "a new account" : "their account") + ", "
							+ (converted.contactCreated() ? "a new contact" : "their contact")
							+ (converted.opportunityId() != null ? " and a deal." : "."));
			return converted.opportunityId() != null ? "redirect:/opportunities/" + converted.opportunityId()
					: "redirect:/contacts/" + converted.contactId();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
		}
		catch (StaleRecordException ex) {
			model.addAttribute("errors", Map.of("version", ex.getMessage()));
		}
		catch (ForbiddenException ex) {
			model.addAttribute("errors", Map.of("lead", ex.getMessage()));
		}
		model.addAttribute("dealName", dealName);
		model.addAttribute("closeDate", closeDate);
		model.addAttribute("createDeal", createDeal);
		model.addAttribute("chosenAccount", accountId);
		model.addAttribute("chosenStage", stageId);
		model.addAttribute("amount", amount);
		String view = page(viewer, this.leads.get(viewer, id), model);
		if (ownerId != null) {
			model.addAttribute("ownerId", ownerId);
		}
		return view;
	}

	private static BigDecimal parse(String amount) {
		try {
			return new BigDecimal(amount.trim().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("amount", "Enter the amount as a number, such as 12500.");
		}
	}

}
