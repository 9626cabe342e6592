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
	 * @param lists the lists whose values it takes (several: the values of them all, e.g.
	 * an activity's sub-type, whose list depends on its kind)
	 */
	@SuppressWarnings("unchecked")
	public static void allow(Schema<?> property, PickLists pickLists, String... lists) {
		if (property != null) {
			((Schema<Object>) property).setEnum(new AllowedValues(pickLists, List.of(lists)));
			String note = "Matched case-insensitively; an administrator keeps the list (GET /api/v1/pick-lists/"
					+ String.join(", ", lists) + ").";
			if (property.getDescription() == null || !property.getDescription().contains(note)) {
				property
					.setDescription(property.getDescription() == null ? note : property.getDescription() + " " + note);
			}
		}
	}

	private static final class AllowedValues extends AbstractList<Object> {

		private final PickLists pickLists;

		private final List<String> lists;

		AllowedValues(PickLists pickLists, List<String> lists) {
			this.pickLists = pickLists;
			this.lists = lists;
		}

		private List<String> values() {
			return this.lists.stream().flatMap(list -> this.pickLists.get(list).allowed().stream()).distinct().toList();
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
