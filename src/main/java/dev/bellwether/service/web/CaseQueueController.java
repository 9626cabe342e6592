package dev.bellwether.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.Cases;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queues page: which queues there are and who works each; an agent joins and leaves
 * them ("Next case" comes from the queues they work), an administrator adds queues.
 */
@Controller
class CaseQueueController {

	private final CaseQueues queues;

	private final Cases cases;

	private final UserDirectory users;

	CaseQueueController(CaseQueues queues, Cases cases, UserDirectory users) {
		this.queues = queues;
		this.cases = cases;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/cases/queues")
	String list(Viewer viewer, Model model) {
		List<CaseQueue> all = this.queues.all();
		Map<UUID, List<UUID>> members = new LinkedHashMap<>();
		all.forEach(q -> members.put(q.id(), this.queues.membersOf(q.id())));
		model.addAttribute("queues", all);
		model.addAttribute("members", members);
		model.addAttribute("names",
				this.users.activeUsers()
					.stream()
					.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("takesCases", this.cases.mayOwn(viewer.id()));
		return "service/queues";
	}

	@PostMapping("/cases/queues/{id}/join")
	String join(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		if (!this.cases.mayOwn(viewer.id())) {
			throw new dev.bellwether.platform.ForbiddenException(
					"Only people who work cases (service users, managers and administrators) join queues.");
		}
		this.queues.join(viewer, id, viewer.id());
		redirect.addFlashAttribute("flashSuccess", "You work the " + this.queues.get(id).name() + " queue now.");
		return "redirect:/cases/queues";
	}

	@PostMapping("/cases/queues/{id}/leave")
	String leave(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.queues.leave(viewer, id, viewer.id());
		redirect.addFlashAttribute("flashSuccess", "You left the " + this.queues.get(id).name() + " queue.");
		return "redirect:/cases/queues";
	}

	@PostMapping("/cases/queues")
	String create(Viewer viewer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) UUID managerId,
			Model model, RedirectAttributes redirect) {
		try {
			CaseQueue created = this.queues.create(viewer, name, description, managerId);
			redirect.addFlashAttribute("flashSuccess", "Queue " + created.name() + " added.");
			return "redirect:/cases/queues";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("queueError", String.join(" ", ex.fieldErrors().values()));
			model.addAttribute("queueName", name);
			model.addAttribute("queueDescription", description);
		}
		return list(viewer, model);
	}

}
