package dev.bellwether.dataquality.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerMerge;
import dev.bellwether.customers.CustomerMerges;
import dev.bellwether.customers.MergeRequest;
import dev.bellwether.customers.MergeResult;
import dev.bellwether.customers.MergeUndoResult;
import dev.bellwether.dataquality.DetectionRun;
import dev.bellwether.dataquality.DuplicatePair;
import dev.bellwether.dataquality.Duplicates;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steward's duplicates: the open pairs, a pair side by side to merge (a choice per
 * field) or dismiss, and a merge done, to undo.
 */
@Controller
class DuplicatesController {

	private static final int SHOWN = 200;

	private final Duplicates duplicates;

	private final CustomerMerges merges;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	DuplicatesController(Duplicates duplicates, CustomerMerges merges, Accounts accounts, Contacts contacts,
			UserDirectory users) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
	}

	@GetMapping("/data-quality/duplicates")
	String list(Viewer viewer, @RequestParam(defaultValue = "account") String type,
			@RequestParam(required = false) UUID record, Model model) {
		String recordType = Contacts.RECORD_TYPE.equals(type) ? Contacts.RECORD_TYPE : Accounts.RECORD_TYPE;
		model.addAttribute("type", recordType);
		model.addAttribute("record", record);
		model.addAttribute("pairs", this.duplicates.open(viewer, recordType, record, SHOWN));
		model.addAttribute("shown", SHOWN);
		model.addAttribute("canDetect", viewer.isAdmin() || viewer.is(Role.SALES_ADMIN));
		return "dataquality/duplicates";
	}

	@PostMapping("/data-quality/duplicates/detect")
	String detect(Viewer viewer, @RequestParam(defaultValue = "account") String type, RedirectAttributes redirect) {
		if (!viewer.isAdmin() && !viewer.is(Role.SALES_ADMIN)) {
			throw new ForbiddenException("Only sales administrators and administrators run the detection.");
		}
		DetectionRun run = this.duplicates.detect();
		redirect.addFlashAttribute("flashSuccess", "Found " + run.accountPairs() + " pairs of accounts and "
				+ run.contactPairs() + " pairs of contacts that look alike.");
		return "redirect:/data-quality/duplicates?type=" + type;
	}

	@GetMapping("/data-quality/duplicates/{id}")
	String compare(Viewer viewer, @PathVariable UUID id, Model model) {
		DuplicatePair pair = this.duplicates.get(viewer, id);
		model.addAttribute("pair", pair);
		if (Accounts.RECORD_TYPE.equals(pair.recordType())) {
			Account a = this.accounts.get(viewer, pair.aId());
			Account b = this.accounts.get(viewer, pair.bId());
			model.addAttribute("versionA", a.version());
			model.addAttribute("versionB", b.version());
			model.addAttribute("rows",
					MergeChoice.accountRows(a, b, this.users.namesOf(List.of(a.ownerId(), b.ownerId()))));
		}
		else {
			Contact a = this.contacts.get(viewer, pair.aId());
			Contact b = this.contacts.get(viewer, pair.bId());
			model.addAttribute("versionA", a.version());
			model.addAttribute("versionB", b.version());
			model.addAttribute("rows",
					MergeChoice.contactRows(a, b, this.users.namesOf(List.of(a.ownerId(), b.ownerId()))));
		}
		return "dataquality/compare";
	}

	@PostMapping("/data-quality/duplicates/{id}/merge")
	String merge(Viewer viewer, @PathVariable UUID id, @RequestParam String survivor, @RequestParam long versionA,
			@RequestParam long versionB, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		DuplicatePair pair = this.duplicates.get(viewer, id);
		boolean keepA = !"b".equals(survivor);
		Map<String, String> kept = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("field.")) {
				kept.put(name.substring("field.".length()), value);
			}
		});
		MergeRequest request = new MergeRequest(keepA ? pair.aId() : pair.bId(), keepA ? versionA : versionB,
				keepA ? pair.bId() : pair.aId(), keepA ? versionB : versionA,
				MergeChoice.sides(keepA ? "a" : "b", kept));
		try {
			MergeResult result = Accounts.RECORD_TYPE.equals(pair.recordType())
					? this.merges.mergeAccounts(viewer, request) : this.merges.mergeContacts(viewer, request);
			redirect.addFlashAttribute("flashSuccess", "Merged: " + result.moved()
					+ " related records moved to the record that stays. You can undo the merge here.");
			return "redirect:/data-quality/merges/" + result.mergeId();
		}
		catch (StaleRecordException | InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/data-quality/duplicates/" + id;
		}
	}

	@PostMapping("/data-quality/duplicates/{id}/dismiss")
	String dismiss(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		DuplicatePair pair = this.duplicates.dismiss(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				pair.a().name() + " and " + pair.b().name() + " are marked as not duplicates.");
		return "redirect:/data-quality/duplicates?type=" + pair.recordType();
	}

	@GetMapping("/data-quality/merges/{id}")
	String merge(Viewer viewer, @PathVariable UUID id, Model model) {
		CustomerMerge merge = this.merges.get(viewer, id);
		model.addAttribute("merge", merge);
		List<UUID> ids = new ArrayList<>(List.of(merge.survivorId(), merge.loserId()));
		model.addAttribute("names", Accounts.RECORD_TYPE.equals(merge.recordType()) ? this.accounts.namesOf(ids)
				: this.contacts.namesOf(ids));
		model.addAttribute("mergedBy", this.users.namesOf(Set.of(merge.mergedBy())).get(merge.mergedBy()));
		return "dataquality/merge";
	}

	@PostMapping("/data-quality/merges/{id}/undo")
	String undo(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			MergeUndoResult undone = this.merges.undo(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "Merge undone: " + undone.returned()
					+ " related records moved back"
					+ (undone.survivorRestored() ? ""
							: "; the record that stayed was changed since, so " + "its fields were left as they are")
					+ (undone.kept().isEmpty() ? "."
							: "; " + undone.kept().size() + " changed since and stayed (listed below)."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/data-quality/merges/" + id;
	}

}
