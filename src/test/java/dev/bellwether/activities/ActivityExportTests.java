package dev.bellwether.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.export.ExportFixtures;
import dev.bellwether.platform.export.XlsxSheets;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity list exported: the view's columns (the related deal and account by name,
 * the button column left out), its filters, newest first, only what the person may read,
 * XLSX with a due date as a date, usage.
 */
@IntegrationTest
class ActivityExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Activities activities;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private User rep;

	private User otherRep;

	private String dealName;

	private String accountName;

	private ExportFixtures fixtures;

	@BeforeEach
	void activitiesOfTwoReps() {
		this.fixtures = new ExportFixtures(this.accounts, this.opportunities, this.recorder, this.jdbc, this.clock);
		this.rep = this.users.create(Role.REP);
		this.otherRep = this.users.create(Role.REP);
		this.accountName = "Acts Co " + this.suffix;
		Opportunity deal = deal(this.rep, this.accountName, "Acts deal " + this.suffix);
		Opportunity hidden = deal(this.otherRep, "Other Co " + this.suffix, "Other deal " + this.suffix);
		LocalDate today = LocalDate.now(this.clock);
		this.activities.create(TestUsers.viewer(this.rep),
				ActivityDetails
					.task("Send proposal " + this.suffix, today.plusDays(3), TaskPriority.HIGH, this.rep.id())
					.linkedTo(deal.accountId(), null, deal.id()));
		this.activities.create(TestUsers.viewer(this.rep),
				ActivityDetails.task("@Call back " + this.suffix, today.plusDays(1), null, this.rep.id())
					.linkedTo(deal.accountId(), null, null));
		this.activities.create(TestUsers.viewer(this.otherRep),
				ActivityDetails.task("Secret " + this.suffix, today, null, this.otherRep.id())
					.linkedTo(hidden.accountId(), null, hidden.id()));
		this.dealName = deal.name();
	}

	@Test
	void exportsTheActivitiesTheRepMayReadWithTheViewsColumns() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);

		String csv = ExportFixtures.text(this.mvc
			.perform(get("/activities/export").param("q", this.suffix)
				.param("kind", "TASK")
				.param("cols", "subject,related,priority,when,actions")
				.with(session))
			.andExpect(header().string("Content-Disposition", containsString("activities-2026-06-17.csv"))));

		LocalDate today = LocalDate.now(this.clock);
		assertThat(csv.lines().toList()).containsExactlyInAnyOrder("\uFEFFSubject,Related to,Priority,When",
				"Send proposal " + this.suffix + "," + this.dealName + " · " + this.accountName + ",HIGH,"
						+ today.plusDays(3),
				"'@Call back " + this.suffix + "," + this.accountName + ",NORMAL," + today.plusDays(1));
	}

	@Test
	void theApiExportsXlsxAndTheOtherRepSeesOnlyTheirOwn() throws Exception {
		byte[] file = ExportFixtures.bytes(
				this.mvc
					.perform(get("/api/v1/activities/export").param("format", "xlsx")
						.param("q", this.suffix)
						.param("ownerId", this.otherRep.id().toString())
						.param("cols", "subject,owner,when")
						.with(TestUsers.basic(this.otherRep)))
					.andExpect(header().string("X-Export-Rows", "1")));

		List<List<Object>> rows = XlsxSheets.read(file).sheet(1);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("Subject", "Owner", "When");
		assertThat(rows.get(1).get(0)).isEqualTo("Secret " + this.suffix);
		assertThat(rows.get(1).get(1)).isEqualTo(this.otherRep.fullName());
		assertThat(rows.get(1).get(2)).isInstanceOf(BigDecimal.class);

		String mine = ExportFixtures.text(this.mvc.perform(get("/api/v1/activities/export").param("q", this.suffix)
			.param("cols", "subject")
			.with(TestUsers.basic(this.rep))));
		assertThat(mine).doesNotContain("Secret");
		assertThat(this.fixtures.exportsBy(this.otherRep, "activities", "activity")).containsExactly(1);
	}

	@Test
	void theListPageOffersTheExport() throws Exception {
		this.mvc.perform(get("/activities").with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/activities/export?format=csv")));
		this.mvc.perform(get("/api/v1/activities/export").param("kind", "LUNCH").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest());
	}

	private Opportunity deal(User owner, String accountName, String name) {
		return this.fixtures.deal(owner, this.fixtures.account(owner, accountName), name, "100.00", Map.of());
	}

}
