package dev.bellwether.platform.listview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.listview.ViewSettings.Column;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A view travels in a URL and comes back the same; a list checks a view before it is
 * saved, naming every problem; and a view's filters read as typed values for whoever
 * opens it.
 */
class ViewSettingsTests {

	static final ListDefinition DEALS = new ListDefinition("opportunity", "Deals", "/opportunities",
			List.of(ListFilter.of("q", "Search", FilterType.TEXT), ListFilter.of("owner", "Owner", FilterType.ID),
					ListFilter.of("closeFrom", "Closing from", FilterType.DATE),
					ListFilter.choice("status", "Open or closed", List.of("open", "closed")),
					ListFilter.of("stale", "Stale only", FilterType.BOOLEAN),
					ListFilter.of("region", "Region", FilterType.TEXT).retire()),
			List.of(ListColumn.sortable("name", "Deal"), ListColumn.of("account", "Account"),
					ListColumn.sortable("amount", "Amount"), ListColumn.sortable("closeDate", "Close date"),
					ListColumn.of("owner", "Owner")),
			new ViewSettings(Map.of(), List.of(Column.of("name"), Column.of("amount")), "closeDate,asc", 25),
			List.of(new StandardView("mine", "My deals",
					new ViewSettings(Map.of("owner", "me"), List.of(), null, null))));

	@Test
	void aViewWrittenToAUrlReadsBackTheSame() {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("owner", "me");
		filters.put("q", "Acme & Co, Ltd: 50%");
		filters.put("closeFrom", "quarter-start");
		ViewSettings view = new ViewSettings(filters,
				List.of(Column.of("name"), new Column("amount", 140), Column.of("owner")), "closeDate,desc", 50);

		String query = view.toQuery();

		assertThat(query).startsWith("owner=me&q=Acme+%26+Co,+Ltd:+50%25&closeFrom=quarter-start")
			.contains("cols=name,amount:140,owner", "sort=closeDate,desc", "size=50");
		assertThat(ViewSettings.parse(query)).isEqualTo(view);
		assertThat(ViewSettings.parse(query).toQuery()).isEqualTo(query);
		assertThat(ViewSettings.fromParameters(parameters(query), DEALS)).isEqualTo(view);
	}

	@Test
	void anEmptyViewIsAnEmptyQuery() {
		assertThat(ViewSettings.empty().toQuery()).isEmpty();
		assertThat(ViewSettings.parse("")).isEqualTo(ViewSettings.empty());
	}

	@Test
	void aColumnChooserSendsColumnsInOrderWithTheirWidths() {
		Map<String, String[]> chooser = new LinkedHashMap<>();
		chooser.put("col", new String[] { "owner", "name" });
		chooser.put("w.owner", new String[] { "120" });
		chooser.put("w.name", new String[] { "" });
		chooser.put("w.amount", new String[] { "90" });

		assertThat(ViewSettings.fromParameters(chooser, DEALS).columns()).containsExactly(new Column("owner", 120),
				Column.of("name"));
	}

	@Test
	void onlyTheListsOwnFiltersAreReadFromAUrl() {
		ViewSettings view = ViewSettings.fromParameters(parameters("owner=me&utm_source=mail&status=open&page=3"),
				DEALS);

		assertThat(view.filters()).containsExactly(Map.entry("owner", "me"), Map.entry("status", "open"));
	}

	@Test
	void aTickedBoxIsReadBeforeTheHiddenFalseThatFollowsIt() {
		Map<String, String[]> ticked = new LinkedHashMap<>();
		ticked.put("stale", new String[] { "true", "false" });
		Map<String, String[]> unticked = new LinkedHashMap<>();
		unticked.put("stale", new String[] { "false" });

		assertThat(ViewSettings.fromParameters(ticked, DEALS).filters()).containsEntry("stale", "true");
		assertThat(
				ViewSettings.parse("stale=true").overriddenBy(ViewSettings.fromParameters(unticked, DEALS)).filters())
			.containsEntry("stale", "false");
	}

	@Test
	void theUrlOverridesTheViewAndAnEmptyFilterClearsIt() {
		ViewSettings saved = ViewSettings.parse("owner=me&status=open&cols=name,owner&sort=amount,desc");
		ViewSettings url = ViewSettings.fromParameters(parameters("owner=&q=acme&sort=name,asc"), DEALS);

		ViewSettings shown = saved.overriddenBy(url);

		assertThat(shown.filters()).containsExactly(Map.entry("status", "open"), Map.entry("q", "acme"));
		assertThat(shown.columns()).containsExactly(Column.of("name"), Column.of("owner"));
		assertThat(shown.sort()).isEqualTo("name,asc");
	}

	@Test
	void unreadableWidthsAndPageSizesAreRefusedInPlainWords() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ViewSettings.parse("cols=name:wide"))
			.withMessageContaining("width of column 'name'");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ViewSettings.parse("size=lots"))
			.withMessageContaining("page size");
	}

	@Test
	void aListNamesEveryProblemOfAViewBeforeItIsSaved() {
		ViewSettings view = ViewSettings.parse(
				"colour=red&region=north&owner=nobody&status=won&stale=maybe&closeFrom=31.12.2026&cols=name,secret,name"
						+ "&sort=account,asc&size=500");

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> DEALS.check(view))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("filters.colour", "filters.region",
					"filters.owner", "filters.status", "filters.stale", "filters.closeFrom", "columns", "sort",
					"pageSize"))
			.satisfies(ex -> {
				assertThat(ex.fieldErrors().get("filters.colour")).contains("no filter 'colour'").contains("owner");
				assertThat(ex.fieldErrors().get("filters.region")).contains("retired");
				assertThat(ex.fieldErrors().get("filters.status")).contains("open, closed");
				assertThat(ex.fieldErrors().get("columns")).contains("'secret'");
				assertThat(ex.fieldErrors().get("sort")).contains("'account,asc'");
			});
	}

	@Test
	void aGoodViewPasses() {
		DEALS.check(
				ViewSettings.parse("owner=me&status=open&closeFrom=2026-07-01&cols=owner:120,name&sort=amount,desc"));
		DEALS.check(ViewSettings.empty());
	}

	@Test
	void filtersReadAsTypedValuesForWhoeverOpensTheView() {
		UUID me = UUID.randomUUID();
		FiscalCalendar calendar = FiscalCalendar.of(Clock.fixed(Instant.parse("2026-06-17T10:00:00Z"), ZoneOffset.UTC),
				ZoneOffset.UTC, 1);
		ListQuery query = new ListQuery(DEALS,
				ViewSettings.parse("owner=me&closeFrom=quarter-start&stale=true&status=open&sort=amount,desc&size=50"),
				me, calendar, 2);

		assertThat(query.id("owner")).isEqualTo(me);
		assertThat(query.date("closeFrom")).isEqualTo(LocalDate.parse("2026-04-01"));
		assertThat(query.flag("stale")).isTrue();
		assertThat(query.choice("status")).isEqualTo("open");
		assertThat(query.text("q")).isNull();
		Pageable page = query.pageable();
		assertThat(page.getPageNumber()).isEqualTo(2);
		assertThat(page.getPageSize()).isEqualTo(50);
		assertThat(page.getSort()).isEqualTo(Sort.by(Sort.Direction.DESC, "amount"));
	}

	@Test
	void aBadValueInTheUrlIsNamedNotAServerError() {
		ListQuery query = new ListQuery(DEALS, ViewSettings.parse("owner=someone"), UUID.randomUUID(), null, 0);

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> query.id("owner"))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("owner"));
	}

	@Test
	void theListsOwnColumnsShowWhenAViewChoseNoneAndGoneColumnsAreLeftOut() {
		assertThat(DEALS.shownColumns(ViewSettings.empty())).extracting(ListDefinition.ShownColumn::name)
			.containsExactly("name", "amount");
		assertThat(DEALS.shownColumns(ViewSettings.parse("cols=owner:90,retired,name")))
			.extracting(ListDefinition.ShownColumn::name)
			.containsExactly("owner", "name");
	}

	@Test
	void standardViewsKeepTheirIdsAcrossRestarts() {
		StandardView mine = DEALS.standardViews().get(0);

		assertThat(mine.id("opportunity")).isEqualTo(mine.id("opportunity")).isNotEqualTo(mine.id("account"));
		assertThat(DEALS.standardView(mine.id("opportunity"))).contains(mine);
	}

	private static Map<String, String[]> parameters(String query) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(
					java.net.URLDecoder.decode(pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8),
					new String[] { java.net.URLDecoder.decode(pair.substring(equals + 1),
							java.nio.charset.StandardCharsets.UTF_8) });
		}
		return parameters;
	}

}
