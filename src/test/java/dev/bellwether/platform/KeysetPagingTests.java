package dev.bellwether.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keyset paging ({@code cursor}, {@code page.next}) gives the same rows in the same order
 * as paging by number, and unlike it never repeats or skips a row when rows are added
 * between pages; a cursor that was changed, has expired or belongs to another filter or
 * sort is a 400 that says which.
 */
@IntegrationTest
class KeysetPagingTests {

	private static final String PROPOSAL = "01900000-0000-7000-8000-000000000004";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	ListCursors cursors;

	@Autowired
	CustomFields customFields;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private final List<UUID> definedFields = new ArrayList<>();

	@ParameterizedTest
	@ValueSource(strings = { "sort=closeDate,desc", "sort=closeDate,asc", "sort=amount,desc", "sort=amount,asc",
			"sort=name,asc&sort=amount,desc", "sort=stage,desc", "open=true&sort=closeDate,desc" })
	void dealsByCursorAreTheDealsByPageNumber(String query) throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 17; i++) {
			// ties on every sort key but the id; some deals without an amount (nulls
			// last)
			deal(rep, account, "Deal " + (i % 4), (i % 5 == 0) ? null : BigDecimal.valueOf(1000L * (i % 3)),
					LocalDate.of(2026, 7, 1).plusDays(i % 6));
		}
		String list = "/api/v1/opportunities?" + query;

		List<String> byNumber = byPageNumber(rep, list, 4);
		List<String> byCursor = byCursor(rep, list, 4);

		assertThat(byNumber).hasSize(17).doesNotHaveDuplicates();
		assertThat(byCursor).isEqualTo(byNumber);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=name,asc", "sort=name,desc", "sort=employees,desc", "sort=annualRevenue,asc" })
	void accountsByCursorAreTheAccountsByPageNumber(String query) throws Exception {
		User rep = this.users.create(Role.REP);
		List<AccountDetails> details = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			details.add(new AccountDetails("Keyset Co " + (i % 4), null, null, null, null, null, null, null, null,
					(i % 3 == 0) ? null : i % 5, (i % 4 == 0) ? null : BigDecimal.valueOf(i % 2), null, rep.id(),
					null));
		}
		this.accounts.createAll(rep.id(), details);
		String list = "/api/v1/accounts?ownerId=" + rep.id() + "&" + query;

		List<String> byNumber = byPageNumber(rep, list, 3);

		assertThat(byNumber).hasSize(13).doesNotHaveDuplicates();
		assertThat(byCursor(rep, list, 3)).isEqualTo(byNumber);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=name,asc", "sort=name,desc", "sort=firstName,asc", "sort=account,desc" })
	void contactsByCursorAreTheContactsByPageNumber(String query) throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 11; i++) {
			String firstName = (i % 4 == 0) ? null : "\"First " + (i % 3) + "\"";
			this.mvc
				.perform(post("/api/v1/contacts").with(TestUsers.basic(rep))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"firstName": %s, "lastName": "Keyset %d", "accountId": "%s"}
							""".formatted(firstName, i % 3, account)))
				.andExpect(status().isCreated());
		}
		String list = "/api/v1/contacts?ownerId=" + rep.id() + "&" + query;

		List<String> byNumber = byPageNumber(rep, list, 3);

		assertThat(byNumber).hasSize(11).doesNotHaveDuplicates();
		assertThat(byCursor(rep, list, 3)).isEqualTo(byNumber);
	}

	@Test
	void activitiesByCursorAreTheActivitiesByPageNumber() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 11; i++) {
			// several at the same moment: ties broken by id
			this.mvc
				.perform(post("/api/v1/activities").with(TestUsers.basic(rep))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"kind": "CALL", "subject": "Call %d", "accountId": "%s",
							 "startsAt": "2026-03-0%dT10:00:00Z", "durationMinutes": 5}
							""".formatted(i, account, 1 + i % 4)))
				.andExpect(status().isCreated());
		}
		String list = "/api/v1/activities?ownerId=" + rep.id();

		List<String> byNumber = byPageNumber(rep, list, 4);

		assertThat(byNumber).hasSize(11).doesNotHaveDuplicates();
		assertThat(byCursor(rep, list, 4)).isEqualTo(byNumber);
	}

	@Test
	void rowsAddedBetweenPagesNeitherRepeatNorSkipARow() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			before.add(deal(rep, account, "Listed " + i, BigDecimal.TEN, LocalDate.of(2026, 8, 1).plusDays(i)));
		}
		String list = "/api/v1/opportunities?sort=closeDate,desc&size=5";
		String first = this.mvc.perform(get(list).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> seen = new ArrayList<>(JsonPath.read(first, "$.content[*].id"));

		// one deal sorts before the first page (already read), one after it
		String early = deal(rep, account, "Added early", BigDecimal.TEN, LocalDate.of(2026, 12, 31));
		String late = deal(rep, account, "Added late", BigDecimal.TEN, LocalDate.of(2026, 7, 1));
		String next = JsonPath.read(first, "$.page.next");
		while (next != null) {
			String page = this.mvc.perform(get(URI.create(next)).with(TestUsers.basic(rep)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			seen.addAll(JsonPath.read(page, "$.content[*].id"));
			next = JsonPath.read(page, "$.page.next");
		}

		assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(late).doesNotContain(early);
		// by page number, the deal added before the position pushes a row already shown
		// onto
		// the second page
		String second = this.mvc.perform(get(list + "&page=1").with(TestUsers.basic(rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> secondByNumber = JsonPath.read(second, "$.content[*].id");
		assertThat(secondByNumber).contains(seen.get(4));
	}

	@ParameterizedTest
	@ValueSource(strings = { "asc", "desc" })
	void dealsByACustomFieldWithNullsByCursorAreTheDealsByPageNumber(String direction) throws Exception {
		CustomField seats = indexedNumber();
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 19; i++) {
			// ties on the field and on the close date; a third of the deals without a
			// value (nulls last both ways)
			customDeal(rep, account, seats, "Seats " + i, (i % 3 == 0) ? null : String.valueOf(i % 4),
					LocalDate.of(2026, 7, 1).plusDays(i % 5));
		}
		String list = "/api/v1/opportunities?sort=cf." + seats.key() + "," + direction;

		for (int size : new int[] { 1, 4, 6 }) {
			List<String> byNumber = byPageNumber(rep, list, size);
			List<String> byCursor = byCursor(rep, list, size);

			assertThat(byNumber).hasSize(19).doesNotHaveDuplicates();
			assertThat(byCursor).as("page size " + size).isEqualTo(byNumber);
		}
		List<String> withValues = byPageNumber(rep, list + "&cf." + seats.key() + ".from=0", 50);
		assertThat(byPageNumber(rep, list, 50)).startsWith(withValues.toArray(String[]::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "asc", "desc" })
	void contactsByACustomFieldByCursorAreTheContactsByPageNumber(String direction) throws Exception {
		// a contact's tie-breakers include the first name, which may be null too
		CustomField level = this.customFields.define("contact",
				new CustomFieldDefinition("Klevel " + UUID.randomUUID().toString().replace("-", "").substring(0, 8),
						CustomFieldType.NUMBER, null, null, null, null, true));
		this.definedFields.add(level.id());
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 13; i++) {
			String firstName = (i % 4 == 0) ? null : "\"First " + (i % 2) + "\"";
			String value = (i % 3 == 0) ? null : String.valueOf(i % 2);
			this.mvc
				.perform(post("/api/v1/contacts").with(TestUsers.basic(rep))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"firstName": %s, "lastName": "Level %d", "accountId": "%s", "customFields": {"%s": %s}}
							""".formatted(firstName, i % 2, account, level.key(), value)))
				.andExpect(status().isCreated());
		}
		String list = "/api/v1/contacts?ownerId=" + rep.id() + "&sort=cf." + level.key() + "," + direction;

		for (int size : new int[] { 1, 3 }) {
			List<String> byNumber = byPageNumber(rep, list, size);

			assertThat(byNumber).hasSize(13).doesNotHaveDuplicates();
			assertThat(byCursor(rep, list, size)).as("page size " + size).isEqualTo(byNumber);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "asc", "desc" })
	void rowsAddedBetweenPagesByACustomFieldNeitherRepeatNorSkipARow(String direction) throws Exception {
		CustomField seats = indexedNumber();
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			before.add(customDeal(rep, account, seats, "Listed " + i, (i % 4 == 0) ? null : String.valueOf(10 + i),
					LocalDate.of(2026, 8, 1)));
		}
		boolean ascending = direction.equals("asc");
		String list = "/api/v1/opportunities?sort=cf." + seats.key() + "," + direction + "&size=5";
		String first = this.mvc.perform(get(list).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> seen = new ArrayList<>(JsonPath.read(first, "$.content[*].id"));

		// one deal sorts before the first page (already read), two after it: one with a
		// value, one without (the nulls' section)
		String early = customDeal(rep, account, seats, "Added early", ascending ? "1" : "99", LocalDate.of(2026, 8, 1));
		String late = customDeal(rep, account, seats, "Added late", ascending ? "20" : "12", LocalDate.of(2026, 8, 2));
		String none = customDeal(rep, account, seats, "Added without", null, LocalDate.of(2026, 1, 1));
		String next = JsonPath.read(first, "$.page.next");
		while (next != null) {
			String page = this.mvc.perform(get(URI.create(next)).with(TestUsers.basic(rep)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			seen.addAll(JsonPath.read(page, "$.content[*].id"));
			next = JsonPath.read(page, "$.page.next");
		}

		assertThat(seen).doesNotHaveDuplicates()
			.containsAll(before)
			.contains(late, none)
			.doesNotContain(early)
			.hasSize(14);
		assertThat(seen.subList(0, 14)).isEqualTo(
				byPageNumber(rep, list.replace("&size=5", ""), 50).stream().filter(id -> !id.equals(early)).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "asc", "desc" })
	void aDeepPageByACustomFieldIsARangeOfItsIndex(String direction) throws Exception {
		CustomField seats = indexedNumber();
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 6; i++) {
			customDeal(rep, account, seats, "Planned " + i, (i % 3 == 0) ? null : String.valueOf(i),
					LocalDate.of(2026, 7, 1));
		}
		List<SortKey> keys = dev.bellwether.platform.web.PageRequests.sortKeys(
				org.springframework.data.domain.Sort
					.by(org.springframework.data.domain.Sort.Direction.fromString(direction), "cf." + seats.key()),
				this.customFields.sortable("opportunity", "o"), java.util.Set.of("o.close_date", "o.id"), "opportunity",
				"o.close_date", "o.id");
		java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
		List<Keyset.Section> sections = Keyset.sections(keys,
				new Keyset(List.of(new BigDecimal("2"), LocalDate.of(2026, 7, 1), UUID.randomUUID()), 1000), params);
		params.put("owner", rep.id());
		params.put("pageLimit", 51);
		params.put("pageOffset", 0);
		String query = Keyset.union("select o.id from opportunities o", "o.deleted_at is null and o.owner_id = :owner",
				sections);

		// with few rows PostgreSQL would rather read them all: forbid that, so that the
		// plan shows whether the index serves the order (otherwise a Sort remains)
		List<String> plan = this.transactions.execute(status -> {
			this.jdbcClient.sql("set local enable_seqscan = off").update();
			this.jdbcClient.sql("set local enable_bitmapscan = off").update();
			this.jdbcClient.sql("set local enable_sort = off").update();
			this.jdbcClient.sql("set local enable_incremental_sort = off").update();
			return this.jdbcClient.sql("explain " + query).params(params).query(String.class).list();
		});

		String text = String.join("\n", plan);
		String index = "opportunities_cf_" + seats.key().toLowerCase(java.util.Locale.ROOT) + "_sort_idx";
		// the rows with a value: a range of the field's index (forwards for asc,
		// backwards for desc); those without, in the tie-breakers' order: an index too
		// (the field's, or the close date's when PostgreSQL thinks it cheaper)
		assertThat(text).as(text).doesNotContain("Sort");
		assertThat(plan.stream().filter(line -> line.contains(index)).findFirst()).as(text)
			.hasValueSatisfying(line -> assertThat(line).contains(
					direction.equals("asc") ? "Index Scan using " + index : "Index Scan Backward using " + index));
		assertThat(plan.stream().filter(line -> line.contains("Index Cond: ((((custom ->>")).findFirst()).as(text)
			.hasValueSatisfying(line -> assertThat(line).contains("IS NOT NULL) AND (ROW("));
		assertThat(plan.stream().filter(line -> line.contains("Scan") && line.contains("on opportunities"))).as(text)
			.hasSize(2)
			.allSatisfy(line -> assertThat(line).contains("Index"));
	}

	@Test
	void aChangedCursorIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		String cursor = firstCursor(rep, "sort=closeDate,desc");
		String changed = ((cursor.charAt(3) == 'A') ? cursor.substring(0, 3) + "B" : cursor.substring(0, 3) + "A")
				+ cursor.substring(4);

		for (String bad : List.of(changed, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "a.b")) {
			this.mvc
				.perform(get("/api/v1/opportunities?sort=closeDate,desc&size=2&cursor=" + bad)
					.with(TestUsers.basic(rep)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("cursor"))
				.andExpect(jsonPath("$.detail", containsString("not one this list gave out")));
		}
	}

	@Test
	void aCursorOfAnotherSortOrFilterIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		String cursor = firstCursor(rep, "sort=closeDate,desc");

		for (String other : List.of("sort=amount,desc", "sort=closeDate,desc&open=true", "sort=closeDate,asc")) {
			this.mvc
				.perform(get("/api/v1/opportunities?" + other + "&size=2&cursor=" + cursor).with(TestUsers.basic(rep)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("cursor"))
				.andExpect(jsonPath("$.detail", containsString("another filter or sort")));
		}
		this.mvc.perform(get("/api/v1/accounts?sort=closeDate,desc&size=2&cursor=" + cursor).with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anExpiredCursorIsRefused() throws Exception {
		User rep = this.users.create(Role.REP);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/opportunities");
		request.addParameter("sort", "closeDate,desc");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String expired;
		try {
			expired = this.cursors.encode(new Keyset(List.of(LocalDate.of(2026, 8, 1), UUID.randomUUID()), 2),
					Instant.parse("2026-06-17T09:59:59Z"), ListCursors.fingerprint());
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}

		this.mvc
			.perform(get("/api/v1/opportunities?sort=closeDate,desc&size=2&cursor=" + expired)
				.with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"))
			.andExpect(jsonPath("$.detail", containsString("expired")));
	}

	@Test
	void theLastPageHasNoNextCursorAndTheTotalFollowsTheCursor() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		for (int i = 0; i < 5; i++) {
			deal(rep, account, "Counted " + i, BigDecimal.ONE, LocalDate.of(2026, 9, 1).plusDays(i));
		}
		String first = this.mvc
			.perform(get("/api/v1/opportunities?sort=closeDate,desc&size=3").with(TestUsers.basic(rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		this.mvc.perform(get(URI.create(JsonPath.read(first, "$.page.next"))).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.page.number").value(1))
			.andExpect(jsonPath("$.page.totalElements").value(5))
			.andExpect(jsonPath("$.page.totalCapped").value(false))
			.andExpect(jsonPath("$.page.next").doesNotExist())
			.andExpect(jsonPath("$.page.nextCursor").doesNotExist());
	}

	@Test
	void theListPageNumbersItsFirstPagesAndGoesOnByCursor() throws Exception {
		User rep = this.users.create(Role.REP);
		List<AccountDetails> details = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			details.add(new AccountDetails("Paged %02d".formatted(i), null, null, null, null, null, null, null, null,
					null, null, null, rep.id(), null));
		}
		this.accounts.createAll(rep.id(), details);
		var session = TestUsers.signIn(this.mvc, rep);

		String fifth = this.mvc.perform(get("/accounts?owner=" + rep.id() + "&size=2&page=4").with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = nextLink(fifth);
		assertThat(fifth).contains("aria-current=\"page\">5<");
		assertThat(next).contains("cursor=").doesNotContain("page=");
		assertThat(nextLink(this.mvc.perform(get("/accounts?owner=" + rep.id() + "&size=2&page=1").with(session))
			.andReturn()
			.getResponse()
			.getContentAsString())).contains("page=2").doesNotContain("cursor=");

		String sixth = this.mvc.perform(get(URI.create(next)).with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sixth).contains("11–12 of 13", "Paged 10", "Paged 11", "… page 6").doesNotContain("Paged 09");
	}

	@Test
	void aChangedCursorOnAListPageSaysSoToo() throws Exception {
		User rep = this.users.create(Role.REP);

		Object detail = this.mvc
			.perform(get("/opportunities?cursor=not-a-cursor").with(TestUsers.signIn(this.mvc, rep))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getRequest()
			// what the error page shows (MockMvc does not render it)
			.getAttribute("dev.bellwether.platform.web.ErrorResponses.detail");

		assertThat(detail).asString().contains("not one this list gave out");
	}

	@Test
	void theOpenApiDocumentDescribesCursorsAndCappedTotals() throws Exception {
		User rep = this.users.create(Role.REP);
		String document = this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String list : List.of("/api/v1/accounts", "/api/v1/contacts", "/api/v1/opportunities",
				"/api/v1/activities")) {
			List<String> parameters = JsonPath.read(document, "$.paths['" + list + "'].get.parameters[*].name");
			assertThat(parameters).as(list).contains("cursor", "exactTotal");
		}
		java.util.Map<String, Object> metadata = JsonPath.read(document,
				"$.components.schemas.PageMetadata.properties");
		assertThat(metadata).containsKeys("totalCapped", "next", "nextCursor");
	}

	private static String nextLink(String html) {
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"([^\"]+)\"\\s+rel=\"next\"")
			.matcher(html);
		assertThat(next.find()).as("a Next link").isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(next.group(1));
	}

	private String firstCursor(User rep, String query) throws Exception {
		UUID account = account(rep);
		for (int i = 0; i < 3; i++) {
			deal(rep, account, "Cursor " + i, BigDecimal.ONE, LocalDate.of(2026, 9, 1).plusDays(i));
		}
		String first = this.mvc.perform(get("/api/v1/opportunities?" + query + "&size=2").with(TestUsers.basic(rep)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(first, "$.page.nextCursor");
	}

	private List<String> byPageNumber(User user, String list, int size) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			String json = this.mvc.perform(get(list + "&size=" + size + "&page=" + page).with(TestUsers.basic(user)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<String> content = JsonPath.read(json, "$.content[*].id");
			if (content.isEmpty()) {
				return ids;
			}
			ids.addAll(content);
		}
	}

	private List<String> byCursor(User user, String list, int size) throws Exception {
		List<String> ids = new ArrayList<>();
		String next = list + "&size=" + size;
		HashSet<String> links = new HashSet<>();
		while (next != null) {
			assertThat(links.add(next)).as("a next link seen before: " + next).isTrue();
			String json = this.mvc.perform(get(URI.create(next)).with(TestUsers.basic(user)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			ids.addAll(JsonPath.read(json, "$.content[*].id"));
			next = JsonPath.read(json, "$.page.next");
		}
		return ids;
	}

	private CustomField indexedNumber() {
		CustomField field = this.customFields.define("opportunity",
				new CustomFieldDefinition("Kseats " + UUID.randomUUID().toString().replace("-", "").substring(0, 8),
						CustomFieldType.NUMBER, null, null, null, null, true));
		this.definedFields.add(field.id());
		return field;
	}

	@AfterEach
	void retireTheFieldsDefined() {
		this.definedFields.forEach(this.customFields::retire);
	}

	private String customDeal(User rep, UUID account, CustomField field, String name, String value, LocalDate closeDate)
			throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "%s", "accountId": "%s", "stageId": "%s", "closeDate": "%s",
						 "customFields": {"%s": %s}}
						""".formatted(name, account, PROPOSAL, closeDate, field.key(), value)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Keyset " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	private String deal(User rep, UUID account, String name, BigDecimal amount, LocalDate closeDate) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/opportunities").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "%s", "accountId": "%s", "stageId": "%s", "amount": %s, "closeDate": "%s"}
						""".formatted(name, account, PROPOSAL, amount, closeDate)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
