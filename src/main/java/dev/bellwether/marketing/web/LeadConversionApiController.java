package dev.bellwether.marketing.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.LeadConversion;
import dev.bellwether.marketing.LeadConversions;
import dev.bellwether.marketing.LeadConverted;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Converting a lead into an account, a contact and a deal.
 */
@RestController
@RequestMapping("/api/v1/leads/{id}")
@Tag(name = "Leads")
class LeadConversionApiController {

	private final LeadConversions conversions;

	LeadConversionApiController(LeadConversions conversions) {
		this.conversions = conversions;
	}

	@Usage(value = UsageKind.VIEW, recordType = Leads.RECORD_TYPE)
	@GetMapping("/conversion")
	@Operation(summary = "What converting a lead would find",
			description = "The accounts the lead's company matches (same normalised name or web domain) and the "
					+ "contacts its e-mail address matches; those the caller may not see have no id.")
	LeadConversions.Matches matches(Viewer viewer, @PathVariable UUID id) {
		return this.conversions.matches(viewer, id);
	}

	@Usage(value = UsageKind.UPDATE, recordType = Leads.RECORD_TYPE)
	@PostMapping("/convert")
	@Operation(summary = "Convert a lead",
			description = "In one step: the account its company is (or accountId, or a new one), the contact its "
					+ "e-mail address is (or a new one), and a deal when createOpportunity (closeDate required; "
					+ "stageId defaults to the first open stage). The lead becomes QUALIFIED with the ids of what it "
					+ "became, and the contact joins the lead's campaigns with its touches. 400 naming what stops it: "
					+ "converted already, disqualified, several accounts matching (choose one), an owner who can't "
					+ "own accounts; 409 when the lead changed since leadVersion.")
	LeadConverted convert(Viewer viewer, @PathVariable UUID id, @RequestBody LeadConversion request) {
		return this.conversions.convert(viewer, id, request);
	}

}
