package dev.bellwether.platform.export;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.listview.ListColumn;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.listview.ViewSettings;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export machinery on a list held in memory: every row read page after page, the
 * columns in the order given, values formatted for CSV and typed in XLSX, formulas
 * neutralised, the row cap reported, the export published.
 */
class ListExportsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-17T10:00:00Z"), ZoneOffset.UTC);

	private static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("name", "Deal"),
			new ExportColumn("amount", "Amount"), new ExportColumn("closeDate", "Close date"),
			new ExportColumn("touched", "Last touched"), new ExportColumn("won", "Won"));

	private final List<Object> published = new ArrayList<>();

	@Test
	void writesEveryRowAcrossPagesWithTheColumnsInTheirOrder() throws Exception {
		ListExports exports = exports(2_500);
		FakeList list = new FakeList(2_600);

		ListExports.Export export = exports.prepare(list, UUID.randomUUID(), query(), CustomFilter.NONE, COLUMNS,
				ExportFormat.CSV);
		String csv = csv(export);

		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFDeal,Amount,Close date,Last touched,Won");
		assertThat(lines).hasSize(2_501);
		assertThat(lines.get(1)).isEqualTo("Deal 0000,1000.00,2026-07-01,2026-06-17 09:00,Yes");
		assertThat(lines.get(2_500)).startsWith("Deal 2499,");
		assertThat(list.pagesRead).isEqualTo(3);
	}

	@Test
	void aListOverTheCapSaysSoInsteadOfStoppingSilently() throws Exception {
		ListExports exports = exports(3);
		UUID viewer = UUID.randomUUID();
		ListExports.Export export = exports.prepare(new FakeList(5), viewer, query(), CustomFilter.NONE, COLUMNS,
				ExportFormat.CSV);

		assertThat(export.capped()).isTrue();
		assertThat(export.rows()).isEqualTo(3);
		assertThat(export.matching()).isEqualTo(5);
		assertThat(export.fileName()).isEqualTo("deals-2026-06-17-first-3.csv");
		assertThat(export.summary()).contains("5 records match").contains("first 3");
		assertThat(csv(export).lines()).hasSize(4);
		assertThat(this.published).singleElement()
			.isEqualTo(new RecordsExported("opportunity", viewer, CLOCK.instant(), 3, ExportFormat.CSV, true));

		ListExports.Export whole = exports.prepare(new FakeList(3), UUID.randomUUID(), query(), CustomFilter.NONE,
				COLUMNS, ExportFormat.XLSX);
		assertThat(whole.capped()).isFalse();
		assertThat(whole.fileName()).isEqualTo("deals-2026-06-17.xlsx");
	}

	@Test
	void csvNeutralisesFormulasButKeepsNumbers() throws Exception {
		FakeList list = new FakeList(0);
		for (String name : List.of("=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "\tTab", "\rReturn")) {
			list.rows.add(row(name, new BigDecimal("-5.00"), null, null, null));
		}
		String csv = csv(
				exports(10).prepare(list, UUID.randomUUID(), query(), CustomFilter.NONE, COLUMNS, ExportFormat.CSV));

		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",-5.00")
			.contains("'+1,-5.00")
			.contains("'-1,-5.00")
			.contains("'@SUM(A1),-5.00")
			.contains("'\tTab,-5.00")
			.contains("\"'\rReturn\",-5.00");
	}

	@Test
	void xlsxKeepsNumbersDatesAndBooleansTyped() throws Exception {
		ListExports.Export export = exports(10).prepare(new FakeList(2), UUID.randomUUID(), query(), CustomFilter.NONE,
				COLUMNS, ExportFormat.XLSX);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.writeTo(out);

		XlsxSheets xlsx = XlsxSheets.read(out.toByteArray());
		List<List<Object>> rows = xlsx.sheet(1);
		assertThat(rows.get(0)).containsExactly("Deal", "Amount", "Close date", "Last touched", "Won");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get(0)).isEqualTo("Deal 0000");
		assertThat((BigDecimal) rows.get(1).get(1)).isEqualByComparingTo("1000");
		// dates are serial day numbers: 2026-07-01 is day 46204 of Excel's calendar
		assertThat(rows.get(1).get(2)).isEqualTo(new BigDecimal("46204.0"));
		assertThat(rows.get(1).get(3)).isInstanceOf(BigDecimal.class);
		assertThat(rows.get(1).get(4)).isEqualTo(true);
		assertThat(xlsx.sheet(2)).anySatisfy(row -> assertThat(row).contains("2 records."));
	}

	@Test
	void customValuesBecomeCellsOfTheirType() {
		Map<UUID, String> names = Map.of(UUID.fromString("01900000-0000-7000-8000-0000000000aa"), "Ada Lovelace");
		assertThat(ListExports.customValue(field(CustomFieldType.MONEY), "1250.5", names))
			.isEqualTo(new BigDecimal("1250.5"));
		assertThat(ListExports.customValue(field(CustomFieldType.DATE), "2026-06-30", names))
			.isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(ListExports.customValue(field(CustomFieldType.DATE_TIME), "2026-06-30T08:15:00Z", names))
			.isEqualTo(Instant.parse("2026-06-30T08:15:00Z"));
		assertThat(ListExports.customValue(field(CustomFieldType.CHECKBOX), true, names)).isEqualTo(true);
		assertThat(ListExports.customValue(field(CustomFieldType.MULTI_SELECT), List.of("Red", "Blue"), names))
			.isEqualTo("Red; Blue");
		assertThat(ListExports.customValue(field(CustomFieldType.USER), "01900000-0000-7000-8000-0000000000aa", names))
			.isEqualTo("Ada Lovelace");
		assertThat(ListExports.customValue(field(CustomFieldType.TEXT), null, names)).isNull();
	}

	@Test
	void anUnknownFormatIsRefusedByName() {
		assertThat(ExportFormat.of("XLSX")).isEqualTo(ExportFormat.XLSX);
		assertThat(ExportFormat.of(null)).isEqualTo(ExportFormat.CSV);
		assertThatThrownBy(() -> ExportFormat.of("pdf")).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("format"));
	}

	private static CustomField field(CustomFieldType type) {
		return new CustomField(UUID.randomUUID(), "opportunity", "f", "F", type, List.of(), Requirement.NEVER, null,
				null, 0, false, null, 0L);
	}

	private ListExports exports(int maxRows) {
		return new ListExports(List.of(), null, this.published::add, CLOCK, ZoneId.of("UTC"), maxRows);
	}

	private static ListQuery query() {
		ListDefinition list = new ListDefinition("opportunity", "Deals", "/opportunities", List.of(),
				List.of(ListColumn.sortable("name", "Deal")), new ViewSettings(Map.of(), List.of(), "name,asc", 25),
				List.of());
		return new ListQuery(list, new ViewSettings(Map.of(), List.of(), null, null), UUID.randomUUID(), null, 0);
	}

	private static String csv(ListExports.Export export) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static ExportRow row(String name, BigDecimal amount, LocalDate close, Instant touched, Boolean won) {
		Map<String, Object> cells = new HashMap<>();
		cells.put("name", name);
		cells.put("amount", amount);
		cells.put("closeDate", close);
		cells.put("touched", touched);
		cells.put("won", won);
		return new ExportRow(cells, null);
	}

	/** A list read by page number (no keyset), as a module's list could be. */
	static final class FakeList extends RecordListExport {

		final List<ExportRow> rows = new ArrayList<>();

		int pagesRead;

		FakeList(int size) {
			super("opportunity", "opportunities", "deals", ids -> Map.of());
			IntStream.range(0, size)
				.forEach(i -> this.rows.add(row("Deal %04d".formatted(i), new BigDecimal("1000.00"),
						LocalDate.of(2026, 7, 1), Instant.parse("2026-06-17T09:00:00Z"), true)));
		}

		@Override
		public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
			if (pageable.getPageSize() > 1) {
				this.pagesRead++;
			}
			int from = (int) Math.min(pageable.getOffset(), this.rows.size());
			int to = Math.min(from + pageable.getPageSize(), this.rows.size());
			return new PageImpl<>(this.rows.subList(from, to), pageable, this.rows.size());
		}

	}

}
