package dev.bellwether.service.mail.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.mail.InboundMail;
import dev.bellwether.service.mail.InboundOutcome;
import dev.bellwether.service.mail.MailReceipt;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/mailbox} (administrators): the support mailbox's recent messages,
 * received and sent, and what became of each; a held one can be released to open (or
 * join) its case, and a kept one downloaded as it was received.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class MailboxAdminController {

	static final String PATH = "/admin/mailbox";

	private static final int SHOWN = 200;

	private final InboundMail mailbox;

	MailboxAdminController(InboundMail mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) String outcome, Model model) {
		String filter = outcomes().contains(outcome) ? outcome : null;
		model.addAttribute("entries", this.mailbox.recent(filter, SHOWN));
		model.addAttribute("outcome", filter == null ? "" : filter);
		model.addAttribute("outcomes", Arrays.asList(InboundOutcome.values()));
		model.addAttribute("shown", SHOWN);
		return "service/mailbox";
	}

	@PostMapping(PATH + "/{id}/release")
	String release(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			MailReceipt receipt = this.mailbox.release(id, viewer.id());
			redirect.addFlashAttribute("flashSuccess", "Released: " + receipt.summary());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + PATH;
	}

	@GetMapping(PATH + "/{id}/original")
	ResponseEntity<byte[]> original(@PathVariable UUID id) {
		byte[] raw = this.mailbox.original(id).orElseThrow(() -> new RecordNotFoundException("mail", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("message-" + id + ".eml").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(raw);
	}

	private static List<String> outcomes() {
		List<String> all = new java.util.ArrayList<>(
				Arrays.stream(InboundOutcome.values()).map(InboundOutcome::name).toList());
		all.add("SENT");
		all.add("FAILED");
		return all;
	}

}
