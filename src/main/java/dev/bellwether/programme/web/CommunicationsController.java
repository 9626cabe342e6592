package dev.bellwether.programme.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeMessage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme's communications ({@code /programme/communications}): the queue of each
 * channel with its run-dry warning, the message editor, each message's delivery and read
 * figures and the repetitions of key messages; and a received message as its reader sees
 * it ({@code /programme/messages/{id}}), whose {@code read} link records the read
 * receipt.
 */
@Controller
class CommunicationsController {

	static final String PATH = "/programme/communications";

	private final Communications communications;

	private final ProgrammeLeads leads;

	private final AdoptionSponsors sponsors;

	private final UserDirectory users;

	CommunicationsController(Communications communications, ProgrammeLeads leads, AdoptionSponsors sponsors,
			UserDirectory users) {
		this.communications = communications;
		this.leads = leads;
		this.sponsors = sponsors;
		this.users = users;
	}

	@GetMapping(PATH)
	String page(Viewer viewer, Model model) {
		this.leads.requireLead(viewer);
		model.addAttribute("form", MessageFormData.defaults(this.communications.today()));
		return page(viewer, null, model);
	}

	@GetMapping(PATH + "/messages/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		ProgrammeMessage message = this.communications.get(viewer, id).message();
		model.addAttribute("form", MessageFormData.of(message));
		return page(viewer, message, model);
	}

	@PostMapping(PATH + "/messages")
	String create(Viewer viewer, @ModelAttribute("form") MessageFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		Optional<ProgrammeMessage> created = FormErrors.save(result, model,
				() -> this.communications.create(viewer, form.toDraft()), ex -> FormErrors.addTo(result, forForm(ex)));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "“" + created.get().title() + "” queued for "
					+ created.get().sendOn() + " in the " + created.get().channel().label().toLowerCase() + " queue.");
			return "redirect:" + PATH;
		}
		return page(viewer, null, model);
	}

	@PostMapping(PATH + "/messages/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") MessageFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ProgrammeMessage message = this.communications.get(viewer, id).message();
		long version = form.getVersion() == null ? message.version() : form.getVersion();
		Optional<ProgrammeMessage> saved = FormErrors.save(result, model,
				() -> this.communications.update(viewer, id, version, form.toDraft()),
				ex -> FormErrors.addTo(result, forForm(ex)));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "“" + saved.get().title() + "” saved.");
			return "redirect:" + PATH;
		}
		return page(viewer, message, model);
	}

	@PostMapping(PATH + "/messages/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		ProgrammeMessage message = this.communications.get(viewer, id).message();
		try {
			this.communications.delete(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "“" + message.title() + "” taken off its queue.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + PATH;
	}

	/**
	 * The link of a message's notification or e-mail: records the read, then shows it.
	 */
	@GetMapping("/programme/messages/{id}/read")
	String read(Viewer viewer, @PathVariable UUID id) {
		this.communications.markRead(viewer, id);
		return "redirect:/programme/messages/" + id;
	}

	@GetMapping("/programme/messages/{id}")
	String message(Viewer viewer, @PathVariable UUID id, Model model) {
		Optional<Communications.ReceivedMessage> received = this.communications.received(viewer, id);
		if (received.isPresent()) {
			model.addAttribute("received", received.get());
		}
		else if (this.leads.isLead(viewer)) {
			Communications.MessageFigures figures = this.communications.get(viewer, id);
			model.addAttribute("received", new Communications.ReceivedMessage(figures.message(), figures.senderName(),
					null, figures.message().channel() == ProgrammeMessage.Channel.TALKING_POINTS));
		}
		else {
			throw new RecordNotFoundException(Communications.RECORD_TYPE, id);
		}
		model.addAttribute("lead", this.leads.isLead(viewer));
		return "programme/communications-message";
	}

	private String page(Viewer viewer, ProgrammeMessage editing, Model model) {
		model.addAttribute("editing", editing);
		model.addAttribute("queues", this.communications.queues(viewer));
		model.addAttribute("messages", this.communications.list(viewer));
		model.addAttribute("repetitions", this.communications.repetitions(viewer));
		model.addAttribute("today", this.communications.today());
		model.addAttribute("channels", options(ProgrammeMessage.Channel.values()));
		model.addAttribute("senderKinds", options(ProgrammeMessage.SenderKind.values()));
		model.addAttribute("stages", options(ProgrammeMessage.AdkarStage.values()));
		Map<String, String> roles = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			roles.put(role.name(), role.label());
		}
		model.addAttribute("roles", roles);
		model.addAttribute("teams", this.communications.teams());
		model.addAttribute("waves", this.communications.waves());
		model.addAttribute("keyMessages", this.communications.keyMessages());
		model.addAttribute("sponsors", this.sponsors.list().stream().filter(AdoptionSponsors.Sponsor::active).toList());
		model.addAttribute("people",
				this.users.activeUsers().stream().filter(u -> !u.integrationAccount()).map(User.class::cast).toList());
		model.addAttribute("runDryDays", Communications.RUN_DRY_DAYS);
		model.addAttribute("repetitionMin", Communications.REPETITION_MIN);
		model.addAttribute("repetitionMax", Communications.REPETITION_MAX);
		return "programme/communications";
	}

	private static Map<String, String> options(Enum<?>[] values) {
		Map<String, String> options = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			options.put(value.name(), label(value));
		}
		return options;
	}

	private static String label(Enum<?> value) {
		if (value instanceof ProgrammeMessage.Channel channel) {
			return channel.label();
		}
		if (value instanceof ProgrammeMessage.SenderKind kind) {
			return kind.label();
		}
		return ((ProgrammeMessage.AdkarStage) value).label();
	}

	/** The service names the audience; the form shows its error under the roles. */
	static InvalidInputException forForm(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> errors.put("audience".equals(field) ? "roles" : field, message));
		return new InvalidInputException(errors);
	}

}
