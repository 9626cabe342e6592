package dev.bellwether.imports.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.bellwether.imports.ImportField;
import dev.bellwether.imports.ImportPreview.Choice;

/**
 * The choices of the fields whose values are fixed in code rather than kept in an
 * administrator's pick list (an activity's kind, a task's status and priority), each with
 * the names other systems' exports give it.
 */
final class FixedChoices {

	private record Fixed(String stored, String label, List<String> synonyms) {
	}

	private static final Map<String, List<Fixed>> LISTS = Map.of(
			"role", List.of(
					new Fixed("REP", "Sales rep",
							List.of("rep", "sales rep", "sales representative", "account executive", "ae", "sdr", "bdr",
									"salesperson", "sales", "standard user", "account manager", "inside sales")),
					new Fixed("MANAGER", "Sales manager",
							List.of("manager", "sales manager", "team lead", "team leader", "regional manager")),
					new Fixed("EXECUTIVE", "Executive",
							List.of("executive", "vp", "vp sales", "vice president", "director", "sales director",
									"ceo", "cro", "head of sales", "chief revenue officer")),
					new Fixed(
							"SALES_ADMIN", "Sales administrator",
							List.of("sales admin", "sales operations", "sales ops", "revops", "revenue operations",
									"crm admin")),
					new Fixed("ADMIN", "Administrator",
							List.of("admin", "administrator", "system administrator", "sysadmin")),
					new Fixed("MARKETING", "Marketing", List.of("marketing user", "marketer", "marketing manager")),
					new Fixed("SERVICE", "Service",
							List.of("support", "customer service", "service agent", "support agent",
									"customer success"))),
			"yes-no",
			List.of(new Fixed("true", "Active", List.of("yes", "y", "true", "1", "on", "sold", "x")),
					new Fixed("false", "Inactive",
							List.of("no", "n", "false", "0", "off", "retired", "discontinued", "not sold"))),
			"activity-kind",
			List.of(new Fixed("TASK", "Task", List.of("to-do", "todo", "to do", "action")),
					new Fixed("CALL", "Call", List.of("phone call", "log a call", "logged call", "phone", "call log")),
					new Fixed("MEETING", "Meeting", List.of("event", "appointment", "meeting event")),
					new Fixed("NOTE", "Note", List.of("notes", "comment"))),
			"task-status", List.of(
					new Fixed("OPEN", "Open",
							List.of("not started", "in progress", "waiting on someone else", "deferred", "pending",
									"to do")),
					new Fixed("COMPLETED", "Completed", List.of("complete", "done", "closed", "finished"))),
			"task-priority",
			List.of(new Fixed("HIGH", "High", List.of("urgent", "important")),
					new Fixed("NORMAL", "Normal", List.of("medium", "none")), new Fixed("LOW", "Low", List.of())),
			"quota-kind", List.of(new Fixed("PERSONAL", "Personal", List.of("individual", "own", "rep")),
					new Fixed("TEAM", "Team", List.of("manager", "team quota"))));

	private FixedChoices() {
	}

	static List<Choice> of(ImportField field) {
		return LISTS.getOrDefault(field.list(), List.of())
			.stream()
			.map(fixed -> new Choice(fixed.stored(), fixed.label()))
			.toList();
	}

	/**
	 * @return the stored value the cell names (by the choice's name, its stored form or a
	 * synonym, ignoring case)
	 */
	static Optional<String> find(ImportField field, String cell) {
		String key = cell.trim().toLowerCase(Locale.ROOT);
		for (Fixed fixed : LISTS.getOrDefault(field.list(), List.of())) {
			if (fixed.label().toLowerCase(Locale.ROOT).equals(key)
					|| fixed.stored().toLowerCase(Locale.ROOT).equals(key) || fixed.synonyms().contains(key)) {
				return Optional.of(fixed.stored());
			}
		}
		return Optional.empty();
	}

}
