package dev.bellwether.platform.picklist;

import java.util.AbstractList;
import java.util.List;

import io.swagger.v3.oas.models.media.Schema;

/**
 * Puts a pick list's allowed values into the OpenAPI document as the enum of a property
 * or parameter. springdoc builds the document once and keeps it, so the enum is a live
 * view: each time the document is written it lists the values allowed then, and an
 * administrator's change shows without a restart.
 */
public final class PickListSchemas {

	private PickListSchemas() {
	}

	/**
	 * @param property a string property or parameter schema; {@code null} is ignored
	 */
	@SuppressWarnings("unchecked")
	public static void allow(Schema<?> property, PickLists pickLists, String list) {
		if (property != null) {
			((Schema<Object>) property).setEnum(new AllowedValues(pickLists, list));
			String note = "Matched case-insensitively; an administrator keeps the list (GET /api/v1/pick-lists/" + list
					+ ").";
			if (property.getDescription() == null || !property.getDescription().contains(note)) {
				property
					.setDescription(property.getDescription() == null ? note : property.getDescription() + " " + note);
			}
		}
	}

	private static final class AllowedValues extends AbstractList<Object> {

		private final PickLists pickLists;

		private final String list;

		AllowedValues(PickLists pickLists, String list) {
			this.pickLists = pickLists;
			this.list = list;
		}

		private List<String> values() {
			return this.pickLists.get(this.list).allowed();
		}

		@Override
		public Object get(int index) {
			return values().get(index);
		}

		@Override
		public int size() {
			return values().size();
		}

		@Override
		public java.util.Iterator<Object> iterator() {
			return List.<Object>copyOf(values()).iterator();
		}

	}

}
