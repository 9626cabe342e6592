package dev.bellwether.forecasting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.QuotaEntry;
import dev.bellwether.forecasting.QuotaGrid;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quota grid: a team's personal quotas for a fiscal year by quarter or month, typed
 * or pasted from a spreadsheet (quota-grid.js) and saved together, with an error beside
 * each refused cell.
 */
@Controller
class QuotaController {

	private final Quotas quotas;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	QuotaController(Quotas quotas, UserDirectory users, FiscalCalendar calendar) {
		this.quotas = quotas;
		this.users = users;
		this.calendar = calendar;
	}

	@GetMapping("/quotas")
	String grid(Viewer viewer, @RequestParam(required = false) UUID manager,
			@RequestParam(required = false) String year, @RequestParam(required = false) String by, Model model) {
		show(viewer, manager, year, by, Map.of(), Map.of(), model);
		return "forecasting/quotas";
	}

	@PostMapping("/quotas")
	String save(Viewer viewer, @RequestParam(required = false) UUID manager,
			@RequestParam(required = false) String year, @RequestParam(required = false) String by,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		List<QuotaEntry> entries = new ArrayList<>();
		Map<String, String> entered = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			// q-<36-character user id>-<period>
			if (name.startsWith("q-") && name.length() > 39 && values.length > 0) {
				try {
					UUID userId = UUID.fromString(name.substring(2, 38));
					String period = name.substring(39);
					String version = request.getParameter("v-" + name.substring(2));
					entries.add(new QuotaEntry(userId, period, values[0],
							version == null || version.isBlank() ? 0 : Long.parseLong(version)));
					entered.put(name, values[0]);
				}
				catch (IllegalArgumentException ex) {
					// not a cell of the grid: ignored
				}
			}
		});
		try {
			int saved = this.quotas.save(viewer, entries);
			redirect.addFlashAttribute("flashSuccess",
					saved == 0 ? "Nothing changed." : saved == 1 ? "Saved 1 quota." : "Saved " + saved + " quotas.");
			UriComponentsBuilder back = UriComponentsBuilder.fromPath("/quotas");
			if (manager != null) {
				back.queryParam("manager", manager);
			}
			if (year != null) {
				back.queryParam("year", year);
			}
			if (by != null) {
				back.queryParam("by", by);
			}
			return "redirect:" + back.build().toUriString();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			show(viewer, manager, year, by, ex.fieldErrors(), entered, model);
			return "forecasting/quotas";
		}
	}

	private void show(Viewer viewer, UUID manager, String year, String by, Map<String, String> errors,
			Map<String, String> entered, Model model) {
		UUID managerId = manager != null ? manager : viewer.id();
		FiscalPeriod.Kind kind = "MONTH".equalsIgnoreCase(by) ? FiscalPeriod.Kind.MONTH : FiscalPeriod.Kind.QUARTER;
		QuotaGrid grid = this.quotas.grid(viewer, managerId, year, kind);
		model.addAttribute("grid", grid);
		model.addAttribute("errors", errors);
		model.addAttribute("entered", entered);
		model.addAttribute("editable", grid.rows().stream().anyMatch(QuotaGrid.Row::editable));
		model.addAttribute("previousYear", this.calendar.previous(grid.year()).code());
		model.addAttribute("nextYear", this.calendar.next(grid.year()).code());
		model.addAttribute("managers",
				this.users.activeManagers().stream().filter(user -> this.quotas.canRead(viewer, user.id())).toList());
	}

}
