package dev.bellwether.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.ListPages;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.listview.ListQuery;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Exports a list as the person sees it: every record that matches (not only the page
 * shown), in the list's order and with its columns, read page after page in keyset order
 * through the module's {@link ExportableList} and streamed out as CSV (through
 * {@link CsvExport}) or XLSX (fastexcel). At most {@code bellwether.export.max-rows}
 * records (100,000 unless set) go into one file; when more match, the export says so (its
 * file name, the {@code X-Export-*} headers and the XLSX's "About" sheet) rather than
 * cutting the list short silently. Each export is published as {@link RecordsExported}.
 */
@Component
public class ListExports {

	/** The row cap unless {@code bellwether.export.max-rows} says otherwise. */
	public static final int DEFAULT_MAX_ROWS = 100_000;

	/** Rows read per query. */
	static final int PAGE_SIZE = 1_000;

	private final Map<String, ExportableList> lists = new HashMap<>();

	private final CustomFields customFields;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final int maxRows;

	ListExports(List<ExportableList> lists, CustomFields customFields, ApplicationEventPublisher events, Clock clock,
			@Value("${bellwether.time-zone:UTC}") ZoneId zone,
			@Value("${bellwether.export.max-rows:" + DEFAULT_MAX_ROWS + "}") int maxRows) {
		lists.forEach(list -> this.lists.put(list.collection(), list));
		this.customFields = customFields;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.maxRows = maxRows;
	}

	/**
	 * @param collection the list in paths, e.g. {@code opportunities}
	 */
	public Optional<ExportableList> list(String collection) {
		return Optional.ofNullable(this.lists.get(collection));
	}

	public int maxRows() {
		return this.maxRows;
	}

	/**
	 * Counts what the export will hold, before anything is written: a filter the list
	 * does not take fails here, while an error can still be answered.
	 * @param sort the list's sort, as shown
	 * @throws dev.bellwether.platform.InvalidInputException for a bad filter
	 */
	public Export prepare(ExportableList list, UUID viewerId, ListQuery query, CustomFilter custom,
			List<ExportColumn> columns, ExportFormat format) {
		Sort sort = query.pageable().getSort();
		long matching = list.page(viewerId, query, custom, ListPages.counting(sort)).getTotalElements();
		return new Export(list, viewerId, query, custom, columns, format, sort, matching);
	}

	/**
	 * An export about to be written.
	 */
	public final class Export {

		private final ExportableList list;

		private final UUID viewerId;

		private final ListQuery query;

		private final CustomFilter custom;

		private final List<ExportColumn> columns;

		private final ExportFormat format;

		private final Sort sort;

		private final long matching;

		private final LocalDate today;

		private final Map<String, CustomField> fields = new HashMap<>();

		Export(ExportableList list, UUID viewerId, ListQuery query, CustomFilter custom, List<ExportColumn> columns,
				ExportFormat format, Sort sort, long matching) {
			this.list = list;
			this.viewerId = viewerId;
			this.query = query;
			this.custom = custom;
			this.columns = List.copyOf(columns);
			this.format = format;
			this.sort = sort;
			this.matching = matching;
			this.today = LocalDate.ofInstant(ListExports.this.clock.instant(), ListExports.this.zone);
			if (columns.stream().anyMatch(c -> c.name().startsWith(CustomFilter.PREFIX))) {
				ListExports.this.customFields.all(list.recordType()).forEach(f -> this.fields.put(f.filterName(), f));
			}
		}

		/** How many records match the list. */
		public long matching() {
			return this.matching;
		}

		/** How many records the file holds: those that match, up to the cap. */
		public long rows() {
			return Math.min(this.matching, ListExports.this.maxRows);
		}

		/** Whether more records match than the file holds. */
		public boolean capped() {
			return this.matching > ListExports.this.maxRows;
		}

		public ExportFormat format() {
			return this.format;
		}

		/**
		 * @return e.g. {@code deals-2026-06-17.csv}, or
		 * {@code deals-2026-06-17-first-100000.csv} when the list exceeds the cap
		 */
		public String fileName() {
			return this.list.fileName() + "-" + this.today + (capped() ? "-first-" + ListExports.this.maxRows : "")
					+ "." + this.format.extension();
		}

		/**
		 * What the export holds, in a sentence (the XLSX's "About" sheet, the API's
		 * header).
		 */
		public String summary() {
			String count = String.format(Locale.ENGLISH, "%,d", this.matching);
			if (capped()) {
				return String
					.format(Locale.ENGLISH,
							"%s records match; this file holds the first %,d in the list's order (the export limit). "
									+ "Narrow the list with a filter to export the rest.",
							count, ListExports.this.maxRows);
			}
			return count + (this.matching == 1 ? " record." : " records.");
		}

		/**
		 * Writes the file, then publishes {@link RecordsExported}.
		 */
		public void writeTo(OutputStream out) throws IOException {
			long written = (this.format == ExportFormat.XLSX) ? writeXlsx(out) : writeCsv(out);
			ListExports.this.events.publishEvent(new RecordsExported(this.list.recordType(), this.viewerId,
					ListExports.this.clock.instant(), written, this.format, capped()));
		}

		private long writeCsv(OutputStream out) throws IOException {
			String[] headers = this.columns.stream().map(ExportColumn::label).toArray(String[]::new);
			long[] written = { 0 };
			try (CsvExport csv = CsvExport.open(out, headers)) {
				read(rows -> {
					for (Object[] row : rows) {
						Object[] cells = new Object[row.length];
						for (int i = 0; i < row.length; i++) {
							cells[i] = csvCell(row[i]);
						}
						csv.row(cells);
					}
					written[0] += rows.size();
				});
			}
			return written[0];
		}

		private Object csvCell(Object value) {
			return TableExport.csvCell(value, ListExports.this.zone);
		}

		private long writeXlsx(OutputStream out) throws IOException {
			Workbook workbook = new Workbook(out, "Bellwether", "1.0");
			Worksheet sheet = workbook.newWorksheet(this.list.fileName());
			Worksheet about = workbook.newWorksheet("About");
			for (int c = 0; c < this.columns.size(); c++) {
				sheet.value(0, c, this.columns.get(c).label());
				sheet.style(0, c).bold().set();
			}
			sheet.freezePane(0, 1);
			int[] next = { 1 };
			read(rows -> {
				for (Object[] row : rows) {
					for (int c = 0; c < row.length; c++) {
						xlsxCell(sheet, next[0], c, row[c]);
					}
					next[0]++;
				}
				sheet.flush();
			});
			long written = next[0] - 1L;
			about.value(0, 0, "Exported");
			about.value(0, 1, this.today);
			about.style(0, 1).format("yyyy-mm-dd").set();
			about.value(1, 0, "Records");
			about.value(1, 1, written);
			about.value(2, 0, "Matching");
			about.value(2, 1, this.matching);
			about.value(3, 0, summary());
			workbook.finish();
			return written;
		}

		private void xlsxCell(Worksheet sheet, int row, int column, Object value) {
			TableExport.xlsxCell(sheet, row, column, value, ListExports.this.zone);
		}

		/**
		 * Reads the list page after page, up to the cap, handing each page's rows (their
		 * cells in the columns' order) to {@code sink}.
		 */
		private void read(PageSink sink) throws IOException {
			long left = ListExports.this.maxRows;
			Pageable request = ListPages.first(this.sort, (int) Math.min(PAGE_SIZE, Math.max(left, 1)));
			while (request != null && left > 0) {
				Page<ExportRow> page = this.list.page(this.viewerId, this.query, this.custom, request);
				List<ExportRow> records = page.getContent();
				if (records.size() > left) {
					records = records.subList(0, (int) left);
				}
				sink.accept(cells(records));
				left -= records.size();
				request = records.isEmpty() ? null : ListPages.after(page);
			}
		}

		private List<Object[]> cells(List<ExportRow> records) {
			Map<UUID, String> users = userNames(records);
			List<Object[]> rows = new ArrayList<>(records.size());
			for (ExportRow record : records) {
				Object[] row = new Object[this.columns.size()];
				for (int c = 0; c < row.length; c++) {
					String name = this.columns.get(c).name();
					CustomField field = this.fields.get(name);
					row[c] = (field != null) ? customValue(field, record.customFields().get(field.key()), users)
							: record.cells().get(name);
				}
				rows.add(row);
			}
			return rows;
		}

		private Map<UUID, String> userNames(List<ExportRow> records) {
			Set<UUID> ids = new LinkedHashSet<>();
			for (CustomField field : this.fields.values()) {
				if (field.type() == CustomFieldType.USER) {
					for (ExportRow record : records) {
						UUID id = uuid(record.customFields().get(field.key()));
						if (id != null) {
							ids.add(id);
						}
					}
				}
			}
			return ids.isEmpty() ? Map.of() : this.list.userNames(ids);
		}

	}

	/**
	 * A custom value as a cell: numbers as numbers, dates as dates, a checkbox as a
	 * boolean, a multi-select's choices joined, a user by name.
	 */
	static Object customValue(CustomField field, Object value, Map<UUID, String> userNames) {
		if (value == null) {
			return null;
		}
		return switch (field.type()) {
			case NUMBER, MONEY, PERCENT -> new BigDecimal(value.toString());
			case DATE -> LocalDate.parse(value.toString());
			case DATE_TIME -> Instant.parse(value.toString());
			case CHECKBOX -> Boolean.valueOf(value.toString());
			case MULTI_SELECT -> (value instanceof Collection<?> choices)
					? String.join("; ", choices.stream().map(String::valueOf).toList()) : value.toString();
			case USER -> {
				UUID id = uuid(value);
				yield (id != null) ? userNames.getOrDefault(id, value.toString()) : value.toString();
			}
			default -> value.toString();
		};
	}

	private static UUID uuid(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.toString());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@FunctionalInterface
	private interface PageSink {

		void accept(List<Object[]> rows) throws IOException;

	}

}
