package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Where a page of a list starts by keyset ("after this row"), rather than by counting
 * rows from the start: the sort key values of the last row of the page before, the
 * record's id last. Reading the next page is then an index range from that row, however
 * deep it is, and rows inserted or deleted before it shift nothing (no row is shown twice
 * or skipped).
 *
 * @param values the last row's values of the list's {@link SortKey}s, in order
 * @param offset how many rows came before the page (for "rows 10,001–10,050" and the
 * total; not used to find the rows)
 */
public record Keyset(List<Object> values, long offset) {

	public Keyset {
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/**
	 * The condition "comes after this position" in the order of {@code keys}, nulls last,
	 * with its values added to {@code params} (as {@code keyset0}, {@code keyset1}...).
	 * When every key is non-null and all run the same way, a row comparison, which a
	 * matching index answers as a range; otherwise the general form, led by a range on
	 * the first key when it is non-null.
	 */
	public String condition(List<SortKey> keys, Map<String, Object> params) {
		if (keys.size() != this.values.size()) {
			throw new InvalidCursorException("The cursor belongs to another sort of this list.");
		}
		for (int i = 0; i < keys.size(); i++) {
			params.put("keyset" + i, this.values.get(i));
		}
		boolean sameWay = keys.stream().allMatch(k -> k.ascending() == keys.get(0).ascending());
		boolean noNulls = keys.stream().allMatch(SortKey::notNull) && this.values.stream().allMatch(v -> v != null);
		if (sameWay && noNulls) {
			List<String> columns = keys.stream().map(SortKey::sql).toList();
			List<String> names = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				names.add(":keyset" + i);
			}
			return "(" + String.join(", ", columns) + ") " + (keys.get(0).ascending() ? ">" : "<") + " ("
					+ String.join(", ", names) + ")";
		}
		List<String> disjuncts = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			if (this.values.get(i) == null) {
				// nulls come last: nothing but other nulls (ties) comes after a null
				continue;
			}
			List<String> terms = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				terms.add(this.values.get(j) == null ? keys.get(j).sql() + " is null"
						: keys.get(j).sql() + " = :keyset" + j);
			}
			SortKey key = keys.get(i);
			String after = key.sql() + (key.ascending() ? " > " : " < ") + ":keyset" + i;
			terms.add(key.notNull() ? after : "(" + after + " or " + key.sql() + " is null)");
			disjuncts.add("(" + String.join(" and ", terms) + ")");
		}
		if (disjuncts.isEmpty()) {
			return "false";
		}
		String condition = "(" + String.join(" or ", disjuncts) + ")";
		SortKey first = keys.get(0);
		if (first.notNull() && this.values.get(0) != null) {
			condition = first.sql() + (first.ascending() ? " >= " : " <= ") + ":keyset0 and " + condition;
		}
		return condition;
	}

}
