package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field's value before and after a change, as text (how the audit trail shows it).
 */
public record FieldChange(String field, String oldValue, String newValue) {

	/**
	 * Collects the fields whose values differ, in the order they were compared.
	 */
	public static final class Diff {

		private final List<FieldChange> changes = new ArrayList<>();

		public Diff compare(String field, Object oldValue, Object newValue) {
			String before = text(oldValue);
			String after = text(newValue);
			if (!Objects.equals(before, after)) {
				this.changes.add(new FieldChange(field, before, after));
			}
			return this;
		}

		public List<FieldChange> changes() {
			return List.copyOf(this.changes);
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof java.math.BigDecimal decimal) {
				return decimal.stripTrailingZeros().toPlainString();
			}
			String text = value.toString();
			return text.isEmpty() ? null : text;
		}

	}

}
