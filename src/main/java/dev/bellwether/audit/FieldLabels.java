package dev.bellwether.audit;

import java.util.Locale;

import dev.bellwether.platform.ChangeKind;

/**
 * Field names and changes as people read them: {@code billingPostalCode} is "Billing
 * postal code", {@code ownerId} is "Owner".
 */
final class FieldLabels {

	private FieldLabels() {
	}

	static String of(String field) {
		if (field == null || field.isEmpty()) {
			return "";
		}
		if (!field.matches("[a-z][A-Za-z0-9]*")) {
			// already a label: custom fields are recorded under theirs ("Contract end
			// date")
			return field;
		}
		String name = field.length() > 2 && field.endsWith("Id") ? field.substring(0, field.length() - 2) : field;
		StringBuilder label = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (i == 0) {
				label.append(Character.toUpperCase(c));
			}
			else if (Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))) {
				label.append(' ').append(Character.toLowerCase(c));
			}
			else {
				label.append(c);
			}
		}
		return label.toString();
	}

	/**
	 * @return what happened to a record as a whole, e.g. "Moved to the recycle bin"
	 */
	static String of(ChangeKind kind) {
		return switch (kind) {
			case CREATED -> "Created";
			case UPDATED -> "Updated";
			case DELETED -> "Moved to the recycle bin";
			case RESTORED -> "Restored from the recycle bin";
			case PURGED -> "Deleted for good";
		};
	}

	/**
	 * @return e.g. "Updated phone, website", or "Created"
	 */
	static String summary(ChangeKind kind, java.util.List<String> fields) {
		if (kind != ChangeKind.UPDATED || fields.isEmpty()) {
			return of(kind);
		}
		return "Updated " + String.join(", ",
				fields.stream().map(FieldLabels::of).map(label -> label.toLowerCase(Locale.ROOT)).toList());
	}

}
