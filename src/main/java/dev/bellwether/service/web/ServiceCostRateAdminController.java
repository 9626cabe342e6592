package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.DateInput;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.service.CostRateDetails;
import dev.bellwether.service.ServiceCostRates;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/service-cost-rates}: the hourly cost rate of each role with its history,
 * for administrators (the security configuration keeps {@code /admin/**} to them; the
 * service checks too). A new rate applies from its day on; removing one brings back the
 * role's earlier rate for the days it covered.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class ServiceCostRateAdminController {

	static final String PATH = "/admin/service-cost-rates";

	private final ServiceCostRates rates;

	ServiceCostRateAdminController(ServiceCostRates rates) {
		this.rates = rates;
	}

	@GetMapping(PATH)
	String list(Model model) {
		return page(new RateForm(), model);
	}

	@PostMapping(PATH)
	String add(Viewer viewer, @ModelAttribute("form") RateForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		boolean added = FormErrors
			.save(result, model, () -> this.rates.add(viewer, form.toDetails()), ex -> FormErrors.addTo(result, ex))
			.isPresent();
		if (added) {
			redirect.addFlashAttribute("flashSuccess", "Rate added.");
			return "redirect:" + PATH;
		}
		return page(form, model);
	}

	@PostMapping(PATH + "/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			this.rates.delete(viewer, id, version);
			redirect.addFlashAttribute("flashSuccess", "Rate removed.");
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + PATH;
	}

	private String page(RateForm form, Model model) {
		model.addAttribute("rates", this.rates.all());
		model.addAttribute("currency", this.rates.currency());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		return "service/cost-rates";
	}

	/** The add-a-rate form. */
	public static class RateForm {

		private String role;

		private String hourlyRate;

		private String effectiveFrom;

		CostRateDetails toDetails() {
			Map<String, String> errors = new LinkedHashMap<>();
			Role chosen = null;
			if (this.role != null && !this.role.isBlank()) {
				try {
					chosen = Role.valueOf(this.role.trim());
				}
				catch (IllegalArgumentException ex) {
					errors.put("role", "Choose a role from the list.");
				}
			}
			BigDecimal rate = null;
			if (this.hourlyRate != null && !this.hourlyRate.isBlank()) {
				try {
					rate = new BigDecimal(this.hourlyRate.trim().replace(",", ""));
				}
				catch (NumberFormatException ex) {
					errors.put("hourlyRate",
							"'" + this.hourlyRate.trim() + "' is not an amount; enter one such as 65.00.");
				}
			}
			LocalDate from = null;
			try {
				from = DateInput.date("effectiveFrom", this.effectiveFrom);
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new CostRateDetails(chosen, rate, from);
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getHourlyRate() {
			return this.hourlyRate;
		}

		public void setHourlyRate(String hourlyRate) {
			this.hourlyRate = hourlyRate;
		}

		public String getEffectiveFrom() {
			return this.effectiveFrom;
		}

		public void setEffectiveFrom(String effectiveFrom) {
			this.effectiveFrom = effectiveFrom;
		}

	}

}
