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
		return general(keys, this.values, 0);
	}

	/**
	 * The general form of "after this position": {@code k1 > v1 or (k1 = v1 and k2 > v2)
	 * ...}, nulls last, led by a range on the first key when it is never null; the values
	 * named {@code :keyset<offset>}, {@code :keyset<offset + 1>}...
	 */
	private static String general(List<SortKey> keys, List<Object> values, int offset) {
		List<String> disjuncts = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			if (values.get(i) == null) {
				// nulls come last: nothing but other nulls (ties) comes after a null
				continue;
			}
			List<String> terms = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				terms.add(values.get(j) == null ? keys.get(j).sql() + " is null"
						: keys.get(j).sql() + " = :keyset" + (j + offset));
			}
			SortKey key = keys.get(i);
			String after = key.sql() + (key.ascending() ? " > " : " < ") + ":keyset" + (i + offset);
			terms.add(key.notNull() ? after : "(" + after + " or " + key.sql() + " is null)");
			disjuncts.add("(" + String.join(" and ", terms) + ")");
		}
		if (disjuncts.isEmpty()) {
			return "false";
		}
		String condition = "(" + String.join(" or ", disjuncts) + ")";
		SortKey first = keys.get(0);
		if (first.notNull() && values.get(0) != null) {
			condition = first.sql() + (first.ascending() ? " >= " : " <= ") + ":keyset" + offset + " and " + condition;
		}
		return condition;
	}

	/**
	 * The list in the order of {@code keys} split into sections that an index on
	 * {@code (k1, k2, ..., id)} reads each as one range, in the list's order: when the
	 * first key may be null (a custom field, an amount), first the rows with a value —
	 * {@code k1 is not null}, after the cursor's row by the row comparison
	 * {@code (k1, k2, ..., id) > (:v1, :v2, ...)} when every other key is never null and
	 * runs the same way (else {@code k1 >= :v1 and
	 * (k1 > :v1 or (k1 = :v1 and <the general form of the others>))}) — then the rows
	 * without one, {@code k1 is null}, ordered by the other keys. (A single condition
	 * {@code k1 > :v1 or k1 is null or ...} can't be an index range: PostgreSQL walks the
	 * index from its start.) After a cursor's row whose first key is null, only the
	 * second section is left. Each section orders by plain {@code asc} or {@code desc}
	 * terms — it holds no nulls of its keys — so that one ascending index serves both
	 * directions, scanned backwards for descending, with the nulls last either way.
	 * @param after where the page starts, or {@code null} for the list's start
	 * @return the sections in the list's order, their values added to {@code params}
	 * ({@code keyset0}...); empty when the first key is never null (then
	 * {@link #condition} and {@link SortKey#orderBy} over the whole list)
	 */
	public static List<Section> sections(List<SortKey> keys, Keyset after, Map<String, Object> params) {
		if (keys.size() < 2 || keys.get(0).notNull()) {
			return List.of();
		}
		if (after != null && after.values().size() != keys.size()) {
			throw new InvalidCursorException("The cursor belongs to another sort of this list.");
		}
		SortKey first = keys.get(0);
		boolean ascending = first.ascending();
		List<SortKey> rest = keys.subList(1, keys.size());
		// the other keys never null and running the first's way: row comparisons;
		// otherwise (a contact's first name, a sort both ways) the general form within
		// each section, led by a range on the first key
		boolean rowWise = rest.stream().allMatch(key -> key.notNull() && key.ascending() == ascending);
		List<SortKey> valued = new ArrayList<>();
		valued.add(new SortKey(first.sql(), ascending, true));
		valued.addAll(rest);
		String comparison = ascending ? " > " : " < ";
		List<Section> sections = new ArrayList<>();
		if (after == null) {
			sections.add(new Section(first.sql() + " is not null", valued));
			sections.add(new Section(first.sql() + " is null", rest));
			return sections;
		}
		for (int i = 0; i < keys.size(); i++) {
			params.put("keyset" + i, after.values().get(i));
			if (rowWise && i > 0 && after.values().get(i) == null) {
				throw new InvalidCursorException("The cursor does not fit this list's sort.");
			}
		}
		String restAfter = rowWise ? row(keys, 1) + comparison + row(keys.size(), 1)
				: general(rest, after.values().subList(1, keys.size()), 1);
		if (after.values().get(0) != null) {
			String valuedAfter = rowWise ? row(keys, 0) + comparison + row(keys.size(), 0)
					: first.sql() + (ascending ? " >= " : " <= ") + ":keyset0 and (" + first.sql() + comparison
							+ ":keyset0 or (" + first.sql() + " = :keyset0 and " + restAfter + "))";
			sections.add(new Section(first.sql() + " is not null and " + valuedAfter, valued));
			sections.add(new Section(first.sql() + " is null", rest));
		}
		else {
			sections.add(new Section(first.sql() + " is null and " + restAfter, rest));
		}
		return sections;
	}

	private static String row(List<SortKey> keys, int from) {
		List<String> columns = keys.subList(from, keys.size()).stream().map(SortKey::sql).toList();
		return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
	}

	private static String row(int size, int from) {
		List<String> names = new ArrayList<>();
		for (int i = from; i < size; i++) {
			names.add(":keyset" + i);
		}
		return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
	}

	/**
	 * A part of a list that one index range reads in order.
	 *
	 * @param condition the rows of the part (after the cursor's row, when there is one)
	 * @param order their order (without nulls: every key is non-null in the part)
	 */
	public record Section(String condition, List<SortKey> order) {

		/**
		 * @return the {@code order by} list (without the keywords)
		 */
		public String orderBy() {
			return SortKey.orderBy(this.order);
		}

	}

	/**
	 * The rows of a page as the union of {@code sections}, each read in its own order and
	 * cut to the page, in the sections' order: {@code union all} runs its branches one
	 * after the other and the outer {@code limit} stops it as soon as the page is full,
	 * so a later section is read only when the earlier ones run out. (A branch with a
	 * {@code limit} is never run in parallel workers, whose rows could interleave.)
	 * @param select {@code select <columns> from ...}, up to (not including)
	 * {@code where}
	 * @param where the list's own condition
	 * @return the query, with the parameters {@code :pageLimit} (the rows wanted) and
	 * {@code :pageOffset} (rows skipped, for paging by number)
	 */
	public static String union(String select, String where, List<Section> sections) {
		List<String> branches = new ArrayList<>();
		for (Section section : sections) {
			branches.add("(" + select + " where " + where + " and " + section.condition() + " order by "
					+ section.orderBy() + " limit :pageLimit + :pageOffset)");
		}
		// a subquery, not "(...) limit": a single section in parentheses would have two
		// limits
		return "select * from (" + String.join(" union all ", branches)
				+ ") sections limit :pageLimit offset :pageOffset";
	}

}
