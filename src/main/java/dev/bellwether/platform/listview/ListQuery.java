package dev.bellwether.platform.listview;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomFilter;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The filters, sort and page of a list as it is about to be shown (a view with what the
 * URL overrides), read as typed values for the module's own filter record: {@code me} is
 * whoever looks, relative days are today's.
 */
public final class ListQuery {

	private final ListDefinition list;

	private final ViewSettings settings;

	private final UUID viewerId;

	private final FiscalCalendar calendar;

	private final int page;

	public ListQuery(ListDefinition list, ViewSettings settings, UUID viewerId, FiscalCalendar calendar, int page) {
		this.list = list;
		this.settings = settings;
		this.viewerId = viewerId;
		this.calendar = calendar;
		this.page = Math.max(page, 0);
	}

	public ViewSettings settings() {
		return this.settings;
	}

	/**
	 * @return the filter's value as given, or {@code null} when it is not set
	 */
	public String value(String name) {
		String value = this.settings.filters().get(name);
		return (value == null || value.isBlank()) ? null : value;
	}

	public String text(String name) {
		return value(name);
	}

	public UUID id(String name) {
		String value = checked(name);
		if (value == null) {
			return null;
		}
		return FilterType.ME.equals(value) ? this.viewerId : UUID.fromString(value);
	}

	public LocalDate date(String name) {
		String value = checked(name);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "today" -> this.calendar.today();
			case "quarter-start" -> this.calendar.thisQuarter().start();
			case "quarter-end" -> this.calendar.thisQuarter().end();
			default -> LocalDate.parse(value);
		};
	}

	/**
	 * @return whether the filter says {@code true}
	 */
	public boolean flag(String name) {
		return "true".equals(checked(name));
	}

	/**
	 * @return a choice's value, or {@code null}
	 */
	public String choice(String name) {
		return checked(name);
	}

	private String checked(String name) {
		String value = value(name);
		if (value == null) {
			return null;
		}
		ListFilter filter = this.list.filter(name)
			.orElseThrow(() -> new IllegalStateException(
					"The " + this.list.recordType() + " list declares no filter " + name));

		String problem = filter.problemWith(value);
		if (problem != null) {
			throw new InvalidInputException(name, problem);
		}
		return value;
	}

	/**
	 * The list's criteria on custom fields: the view's {@code cf.*} filters (with what
	 * the URL overrides; {@code me} and relative days read as for the other filters), and
	 * any other {@code cf.*} parameter of the address the list does not know, so that the
	 * module's query refuses it by name.
	 * @param parameters the request's parameters
	 * @throws InvalidInputException for a value the filter does not take
	 */
	public CustomFilter custom(Map<String, String[]> parameters) {
		Map<String, String> criteria = new TreeMap<>();
		this.settings.filters().forEach((name, raw) -> {
			if (!name.startsWith(CustomFilter.PREFIX) || value(name) == null) {
				return;
			}
			ListFilter filter = this.list.filter(name).orElse(null);
			if (filter == null || filter.retired()) {
				// refused by name where it is applied (CustomFields.where)
				criteria.put(name, raw.strip());
				return;
			}
			String value = switch (filter.type()) {
				case ID -> id(name).toString();
				case DATE -> date(name).toString();
				case BOOLEAN -> checked(name);
				default -> value(name).strip();
			};
			criteria.put(name, value);
		});
		CustomFilter.of(parameters).criteria().forEach((name, value) -> {
			if (this.list.filter(name).isEmpty()) {
				criteria.putIfAbsent(name, value);
			}
		});
		return criteria.isEmpty() ? CustomFilter.NONE : new CustomFilter(criteria);
	}

	/**
	 * The list's filters as shown, as plain values a module's filter record reads:
	 * {@code me} as the viewer's id, relative days as days; a filter the list does not
	 * know (or has retired) as given, so that the module's query refuses it by name.
	 * @throws InvalidInputException for a value the filter does not take
	 */
	public Map<String, String> resolvedFilters() {
		Map<String, String> resolved = new java.util.LinkedHashMap<>();
		this.settings.filters().forEach((name, raw) -> {
			if (value(name) == null) {
				return;
			}
			ListFilter filter = this.list.filter(name).orElse(null);
			if (filter == null || filter.retired()) {
				resolved.put(name, raw.strip());
				return;
			}
			String value = switch (filter.type()) {
				case ID -> id(name).toString();
				case DATE -> date(name).toString();
				default -> checked(name).strip();
			};
			resolved.put(name, value);
		});
		return resolved;
	}

	/**
	 * @return the page asked for, sized and sorted as the view says (or the list's own)
	 */
	public Pageable pageable() {
		Integer size = this.settings.pageSize() != null ? this.settings.pageSize() : this.list.defaults().pageSize();
		int rows = Math.min(Math.max(size == null ? 25 : size, 1), ListDefinition.MAX_PAGE_SIZE);
		String sort = this.settings.sort() != null ? this.settings.sort() : this.list.defaults().sort();
		return PageRequest.of(this.page, rows, sortOf(sort));
	}

	static Sort sortOf(String sort) {
		if (sort == null) {
			return Sort.unsorted();
		}
		String[] parts = sort.split(",");
		Sort.Direction direction = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc") ? Sort.Direction.DESC
				: Sort.Direction.ASC;
		return Sort.by(direction, parts[0].trim());
	}

}
