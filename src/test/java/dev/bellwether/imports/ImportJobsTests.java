package dev.bellwether.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.forecasting.QuotaKind;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob.Status;
import dev.bellwether.imports.ImportSettings.Mode;
import dev.bellwether.imports.ImportSettings.OnMatch;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineHygiene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Imports from the file to the undo: columns and values mapped, references resolved, the
 * preview telling what the run then does, history kept as the file has it, and an undo
 * that never overwrites a later edit.
 */
@IntegrationTest
class ImportJobsTests {

	@Autowired
	ImportJobs imports;

	@Autowired
	Accounts accounts;

	@Autowired
	dev.bellwether.customers.Contacts contacts;

	@Autowired
	CustomerLookups lookups;

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineHygiene hygiene;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.bellwether.platform.customfield.CustomFields customFields;

	@Autowired
	TestUsers users;

	@Autowired
	dev.bellwether.forecasting.Quotas quotas;

	private User admin;

	private Viewer viewer;

	private String tag;

	@BeforeEach
	void aSalesAdministrator() {
		this.admin = this.users.create(Role.SALES_ADMIN);
		this.viewer = TestUsers.viewer(this.admin);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private ImportJob upload(ImportTarget target, String csv) {
		return this.imports.upload(this.viewer, target, "old-crm.csv", csv.getBytes(StandardCharsets.UTF_8), null);
	}

	private ImportJob finished(ImportJob job) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.imports.get(this.viewer, job.id()).status().isActive());
		return this.imports.get(this.viewer, job.id());
	}

	private ImportSettings with(ImportSettings settings, Map<String, Map<String, String>> values, OnMatch onMatch,
			Mode mode, LocalDate defaultCloseDate) {
		return new ImportSettings(settings.columns(), values, settings.references(), settings.match(), onMatch, mode,
				settings.defaultOwnerId(), defaultCloseDate, settings.dateOrder());
	}

	@Test
	void accountsAreMappedByHeaderAndTheirValuesByList() {
		String csv = """
				Account ID,Account Name,Website,Industry,Billing Country,Account Owner,Employees
				A-%1$s-1,Tecnology Partners %1$s,https://www.tp-%1$s.example,Tecnology,Germany,%2$s,"1,200"
				A-%1$s-2,Bank Two %1$s,,banking,usa,Nobody Known,12
				A-%1$s-3,,,,,,
				""".formatted(this.tag, this.admin.username());
		ImportJob job = upload(ImportTarget.ACCOUNT, csv);
		assertThat(job.total()).isEqualTo(3);
		assertThat(job.settings().columns()).containsEntry("Account ID", "externalId")
			.containsEntry("Account Name", "name")
			.containsEntry("Billing Country", "country")
			.containsEntry("Account Owner", "owner")
			.containsEntry("Employees", "employees");

		ImportPreview preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.rows()).isEqualTo(3);
		assertThat(preview.create()).isEqualTo(1);
		assertThat(preview.reject()).isEqualTo(2);
		assertThat(preview.questions()).singleElement().satisfies(question -> {
			assertThat(question.field()).isEqualTo("industry");
			assertThat(question.value()).isEqualTo("Tecnology");
			assertThat(question.suggestion().label()).isEqualTo("Technology");
		});
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.field()).isEqualTo("owner");
			assertThat(problem.rejects()).isFalse();
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(4);
			assertThat(problem.field()).isEqualTo("name");
			assertThat(problem.rejects()).isTrue();
		});

		ImportJob configured = this.imports.configure(this.viewer, job.id(), job.version(), with(job.settings(),
				Map.of("industry", Map.of("Tecnology", "Technology")), OnMatch.SKIP, Mode.VALID_ROWS, null));
		preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.create()).isEqualTo(2);
		assertThat(preview.reject()).isEqualTo(1);
		assertThat(preview.questions()).isEmpty();

		ImportJob done = finished(this.imports.start(this.viewer, configured.id()));
		assertThat(done.status()).isEqualTo(Status.COMPLETED);
		assertThat(done.created()).isEqualTo(2);
		assertThat(done.rejected()).isEqualTo(1);
		assertThat(done.processed()).isEqualTo(3);

		UUID first = this.lookups.accountsByExternalId(List.of("A-" + this.tag + "-1")).get("A-" + this.tag + "-1");
		Account account = this.accounts.get(this.viewer, first);
		assertThat(account.industry()).isEqualTo("Technology");
		assertThat(account.country()).isEqualTo("DE");
		assertThat(account.employees()).isEqualTo(1200);
		assertThat(account.domain()).isEqualTo("tp-" + this.tag + ".example");
		assertThat(account.ownerId()).isEqualTo(this.admin.id());
		UUID second = this.lookups.accountsByExternalId(List.of("A-" + this.tag + "-2")).get("A-" + this.tag + "-2");
		assertThat(this.accounts.get(this.viewer, second).country()).isEqualTo("US");
		assertThat(this.jdbc.sql("select import_id from accounts where id = :id")
			.param("id", first)
			.query(UUID.class)
			.single()).isEqualTo(job.id());

		// the mapping is remembered for the next file
		ImportJob next = upload(ImportTarget.ACCOUNT, """
				Account Name,Industry
				Later %s,TECNOLOGY
				""".formatted(this.tag));
		assertThat(this.imports.preview(this.viewer, next.id()).questions()).isEmpty();
	}

	@Test
	void theSameFileAgainUpdatesByExternalIdAndTheUndoKeepsLaterEdits() {
		String csv = """
				Account ID,Account Name,Phone
				U-%1$s-1,Upsert One %1$s,+1 555 0101
				U-%1$s-2,Upsert Two %1$s,+1 555 0102
				""".formatted(this.tag);
		ImportJob first = upload(ImportTarget.ACCOUNT, csv);
		finished(this.imports.start(this.viewer, first.id()));
		Map<String, UUID> ids = this.lookups
			.accountsByExternalId(List.of("U-" + this.tag + "-1", "U-" + this.tag + "-2"));

		String changed = """
				Account ID,Account Name,Phone
				U-%1$s-1,Upsert One %1$s,+1 555 0201
				U-%1$s-2,Upsert Two %1$s,+1 555 0202
				U-%1$s-3,Upsert Three %1$s,+1 555 0203
				""".formatted(this.tag);
		ImportJob second = upload(ImportTarget.ACCOUNT, changed);
		ImportPreview skipping = this.imports.preview(this.viewer, second.id());
		assertThat(skipping.skip()).isEqualTo(2);
		assertThat(skipping.create()).isEqualTo(1);
		second = this.imports.configure(this.viewer, second.id(), second.version(),
				with(second.settings(), Map.of(), OnMatch.UPDATE, Mode.VALID_ROWS, null));
		ImportPreview updating = this.imports.preview(this.viewer, second.id());
		assertThat(updating.update()).isEqualTo(2);
		ImportJob updated = finished(this.imports.start(this.viewer, second.id()));
		assertThat(updated.updated()).isEqualTo(2);
		assertThat(updated.created()).isEqualTo(1);
		UUID one = ids.get("U-" + this.tag + "-1");
		UUID two = ids.get("U-" + this.tag + "-2");
		assertThat(this.accounts.get(this.viewer, one).phone()).isEqualTo("+1 555 0201");

		// someone edits one of the updated accounts after the import
		Account edited = this.accounts.get(this.viewer, two);
		AccountDetails details = edited.details();
		this.accounts.update(this.viewer, two, edited.version(),
				new AccountDetails(details.name(), details.website(), details.industry(), "+1 555 0999",
						details.billingStreet(), details.billingCity(), details.billingState(),
						details.billingPostalCode(), details.country(), details.employees(), details.annualRevenue(),
						details.parentId(), details.ownerId(), details.description()));

		ImportJob undone = finished(this.imports.undo(this.viewer, second.id()));
		assertThat(undone.status()).isEqualTo(Status.UNDONE);
		assertThat(undone.undone()).isEqualTo(2);
		assertThat(undone.kept()).isEqualTo(1);
		assertThat(this.accounts.get(this.viewer, one).phone()).isEqualTo("+1 555 0101");
		assertThat(this.accounts.get(this.viewer, two).phone()).isEqualTo("+1 555 0999");
		assertThat(this.lookups.accountsByExternalId(List.of("U-" + this.tag + "-3"))).isEmpty();

		java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
		try {
			this.imports.report(this.viewer, second.id(), report);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(report.toString(StandardCharsets.UTF_8)).contains("KEPT", "Changed since the import")
			.contains("UNDONE");
	}

	@Test
	void dealsKeepTheirHistoryAndStayOutOfLateEntry() {
		String csv = """
				opportunity_id,sales_agent,account,deal_stage,engage_date,close_date,close_value
				D-%1$s-1,%2$s,Acme %1$s,Won,2025-01-10,2025-02-20,"12,500.00"
				D-%1$s-2,%2$s,Acme %1$s,Lost,2025-01-12,2025-03-01,0
				D-%1$s-3,%2$s,Beta %1$s,Engaging,2025-04-02,,
				D-%1$s-4,%2$s,,Won,2025-04-02,2025-05-01,100
				""".formatted(this.tag, this.admin.username());
		ImportJob job = upload(ImportTarget.OPPORTUNITY, csv);
		assertThat(job.settings().columns()).containsEntry("opportunity_id", "externalId")
			.containsEntry("sales_agent", "owner")
			.containsEntry("account", "account")
			.containsEntry("deal_stage", "stage")
			.containsEntry("engage_date", "createdAt")
			.containsEntry("close_date", "closeDate")
			.containsEntry("close_value", "amount");
		ImportPreview preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.questions()).singleElement()
			.satisfies(question -> assertThat(question.value()).isEqualTo("Engaging"));
		assertThat(preview.referencesCreated()).containsEntry("account", 2);
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(5);
			assertThat(problem.field()).isEqualTo("account");
			assertThat(problem.rejects()).isTrue();
		});

		String proposal = "01900000-0000-7000-8000-000000000003";
		ImportJob configured = this.imports.configure(this.viewer, job.id(), job.version(),
				with(job.settings(), Map.of("stage", Map.of("engaging", proposal)), OnMatch.SKIP, Mode.VALID_ROWS,
						LocalDate.of(2026, 9, 30)));
		preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.create()).isEqualTo(3);
		assertThat(preview.reject()).isEqualTo(1);

		ImportJob done = finished(this.imports.start(this.viewer, configured.id()));
		assertThat(done.created()).isEqualTo(3);
		Map<String, UUID> ids = this.opportunities
			.idsByExternalId(List.of("D-" + this.tag + "-1", "D-" + this.tag + "-2", "D-" + this.tag + "-3"));
		Opportunity won = this.opportunities.get(this.viewer, ids.get("D-" + this.tag + "-1"));
		assertThat(won.outcome().isClosed()).isTrue();
		assertThat(won.amount()).isEqualByComparingTo("12500.00");
		assertThat(won.closeDate()).isEqualTo(LocalDate.of(2025, 2, 20));
		assertThat(won.createdAt()).isEqualTo(LocalDate.of(2025, 1, 10).atStartOfDay(ZoneOffset.UTC).toInstant());
		assertThat(won.closedAt()).isEqualTo(LocalDate.of(2025, 2, 20).atStartOfDay(ZoneOffset.UTC).toInstant());
		Opportunity lost = this.opportunities.get(this.viewer, ids.get("D-" + this.tag + "-2"));
		assertThat(lost.lossReasonDetail()).contains("old-crm.csv");
		Opportunity open = this.opportunities.get(this.viewer, ids.get("D-" + this.tag + "-3"));
		assertThat(open.closeDate()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(open.stageId()).isEqualTo(UUID.fromString(proposal));
		assertThat(this.opportunities.history(this.viewer, won.id())).singleElement()
			.satisfies(change -> assertThat(change.changedAt()).isEqualTo(won.createdAt()));
		// entered in the old system: not anyone's late entry here
		assertThat(
				this.hygiene.lateEntry(List.of(this.admin.id()), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
			.isEmpty();
		// the accounts the deals named were created with them, and go with the undo
		assertThat(this.lookups.accountsByName(List.of("Acme " + this.tag))).hasSize(1);
		// someone works on the open deal meanwhile: the undo keeps it
		this.jdbc.sql("update opportunities set next_step = 'Call back', version = version + 1 where id = :id")
			.param("id", open.id())
			.update();
		ImportJob undone = finished(this.imports.undo(this.viewer, job.id()));
		assertThat(undone.undone()).isEqualTo(3); // two deals, Acme's account
		assertThat(undone.kept()).isEqualTo(2); // the open deal, and Beta's account it is
												// at
		assertThat(this.lookups.accountsByName(List.of("Acme " + this.tag))).isEmpty();
		assertThat(this.opportunities.idsByExternalId(List.of("D-" + this.tag + "-1", "D-" + this.tag + "-2")))
			.isEmpty();
		assertThat(this.opportunities.get(this.viewer, open.id()).nextStep()).isEqualTo("Call back");
	}

	@Test
	void activitiesComeInAsHistoryLinkedToTheirRecordsAndGoWithTheUndo() {
		Account account = this.accounts.create(this.viewer, new AccountDetails("Gamma " + this.tag, null, null, null,
				null, null, null, null, null, null, null, null, this.admin.id(), null));
		String deals = """
				Opportunity ID,Opportunity Name,Account Name,Stage,Close Date,Created Date
				G-%1$s-1,Gamma expansion %1$s,Gamma %1$s,Proposal,2026-12-31,2025-01-05
				""".formatted(this.tag);
		finished(this.imports.start(this.viewer, upload(ImportTarget.OPPORTUNITY, deals).id()));
		UUID deal = this.opportunities.idsByExternalId(List.of("G-" + this.tag + "-1")).get("G-" + this.tag + "-1");
		java.time.Instant touchedBefore = this.opportunities.get(this.viewer, deal).lastTouchedAt();

		// a Salesforce-like export of tasks and events: kinds by their other names, a
		// misspelt one, the deal by its old id or its name
		String csv = """
				Activity ID,Type,Subject,Comments,Account Name,Opportunity,Assigned To,Due Date,Status,Priority,Start,End,Created Date,Completed Date
				T-%1$s-1,Log a Call,Intro call,Spoke to the CFO,Gamma %1$s,G-%1$s-1,%2$s,,,,2025-02-03 10:00,,2025-02-03,
				T-%1$s-2,To-do,Send the proposal,,Gamma %1$s,Gamma expansion %1$s,%2$s,2025-02-10,Completed,High,,,2025-02-04,2025-02-09
				T-%1$s-3,Event,On-site workshop,,Gamma %1$s,,%2$s,,,,2025-03-01 09:00,2025-03-01 12:00,2025-02-20,
				T-%1$s-4,Meting,Typo kind,,Gamma %1$s,,%2$s,,,,2025-03-02 09:00,,2025-02-20,
				T-%1$s-5,Call,Nowhere,,,No such deal %1$s,%2$s,,,,2025-03-03 09:00,,2025-02-20,
				"""
			.formatted(this.tag, this.admin.username());
		ImportJob job = upload(ImportTarget.ACTIVITY, csv);
		assertThat(job.settings().columns()).containsEntry("Type", "kind")
			.containsEntry("Comments", "body")
			.containsEntry("Opportunity", "opportunity")
			.containsEntry("Assigned To", "owner")
			.containsEntry("Start", "startsAt")
			.containsEntry("Completed Date", "closedAt");
		ImportPreview preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.questions()).singleElement().satisfies(question -> {
			assertThat(question.value()).isEqualTo("Meting");
			assertThat(question.suggestion().value()).isEqualTo("MEETING");
		});
		// linked to nothing: refused, as the activity's own rules refuse it
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(6);
			assertThat(problem.field()).isEqualTo("opportunity");
			assertThat(problem.message()).contains("No deal has the old id or name");
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(6);
			assertThat(problem.rejects()).isTrue();
		});
		assertThat(preview.create()).isEqualTo(3);
		ImportJob configured = this.imports.configure(this.viewer, job.id(), job.version(),
				with(job.settings(), Map.of("kind", Map.of("meting", "MEETING")), OnMatch.SKIP, Mode.VALID_ROWS, null));

		ImportJob done = finished(this.imports.start(this.viewer, configured.id()));
		assertThat(done.created()).isEqualTo(4);
		assertThat(done.rejected()).isEqualTo(1);
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select external_id, kind, opportunity_id, account_id, status, priority, completed_at, starts_at,
				  ends_at, created_at, occurred_at
				from activities where import_id = :id order by external_id
				""").param("id", job.id()).query().listOfRows();
		assertThat(rows).hasSize(4);
		Map<String, Object> call = rows.get(0);
		assertThat(call.get("kind")).isEqualTo("CALL");
		assertThat(call.get("opportunity_id")).isEqualTo(deal);
		assertThat(call.get("account_id")).isEqualTo(account.id());
		assertThat(((java.sql.Timestamp) call.get("occurred_at")).toInstant())
			.isEqualTo(java.time.Instant.parse("2025-02-03T10:00:00Z"));
		Map<String, Object> task = rows.get(1);
		assertThat(task.get("kind")).isEqualTo("TASK");
		assertThat(task.get("opportunity_id")).isEqualTo(deal);
		assertThat(task.get("status")).isEqualTo("COMPLETED");
		assertThat(task.get("priority")).isEqualTo("HIGH");
		assertThat(((java.sql.Timestamp) task.get("completed_at")).toInstant())
			.isEqualTo(java.time.Instant.parse("2025-02-09T00:00:00Z"));
		assertThat(((java.sql.Timestamp) task.get("created_at")).toInstant())
			.isEqualTo(java.time.Instant.parse("2025-02-04T00:00:00Z"));
		Map<String, Object> meeting = rows.get(3);
		assertThat(meeting.get("kind")).isEqualTo("MEETING");
		// a meeting without an end lasts an hour
		assertThat(((java.sql.Timestamp) meeting.get("ends_at")).toInstant())
			.isEqualTo(java.time.Instant.parse("2025-03-02T10:00:00Z"));
		// history, not work done today: the deal is no fresher for it
		assertThat(this.opportunities.get(this.viewer, deal).lastTouchedAt()).isEqualTo(touchedBefore);

		finished(this.imports.undo(this.viewer, job.id()));
		assertThat(this.jdbc.sql("select count(*) from activities where import_id = :id and deleted_at is null")
			.param("id", job.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRowShowsEveryProblemAtOnceAndEachFieldOnce() {
		String csv = """
				Opportunity ID,Opportunity Name,Account Name,Stage,Close Date,Amount
				P-%1$s-1,,Delta %1$s,Proposal,,lots
				P-%1$s-2,Fine %1$s,Delta %1$s,Proposal,soon,100
				""".formatted(this.tag);
		ImportPreview preview = this.imports.preview(this.viewer, upload(ImportTarget.OPPORTUNITY, csv).id());
		// the unreadable amount and the missing close date of the same row, both shown
		assertThat(preview.problems()).filteredOn(problem -> problem.row() == 2)
			.extracting(ImportPreview.Problem::field)
			.contains("amount", "closeDate");
		// a close date that can't be read is not also "missing"
		assertThat(preview.problems()).filteredOn(problem -> problem.row() == 3 && "closeDate".equals(problem.field()))
			.singleElement()
			.satisfies(problem -> assertThat(problem.value()).isEqualTo("soon"));
		assertThat(preview.reject()).isEqualTo(2);
	}

	@Test
	void quotasAreSetPerPersonAndPeriodChangedByALaterFileAndPutBackByTheUndo() {
		User rep = this.users.create(Role.REP);
		String csv = """
				Sales Rep,Quarter,Quota
				%1$s,2026-Q3,"120,000"
				%1$s,2026-11,40000
				%1$s,Q9 2026,100
				nobody-%2$s,2026-Q3,100
				""".formatted(rep.username(), this.tag);
		ImportJob job = upload(ImportTarget.QUOTA, csv);
		assertThat(job.settings().columns()).containsEntry("Sales Rep", "owner")
			.containsEntry("Quarter", "period")
			.containsEntry("Quota", "amount");
		ImportPreview preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.create()).isEqualTo(2);
		assertThat(preview.reject()).isEqualTo(2);
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(4);
			assertThat(problem.field()).isEqualTo("period");
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(5);
			assertThat(problem.field()).isEqualTo("owner");
			assertThat(problem.message()).contains("No active user");
		});
		ImportJob done = finished(this.imports.start(this.viewer, job.id()));
		assertThat(done.created()).isEqualTo(2);
		assertThat(this.quotas.current(rep.id(), "2026-Q3", QuotaKind.PERSONAL)).get()
			.satisfies(quota -> assertThat(quota.amount()).isEqualByComparingTo("120000"));

		// a later file changes one and repeats the other
		ImportJob again = upload(ImportTarget.QUOTA, """
				Sales Rep,Quarter,Quota
				%1$s,2026-Q3,150000
				%1$s,2026-11,40000
				""".formatted(rep.username()));
		again = this.imports.configure(this.viewer, again.id(), again.version(),
				with(again.settings(), Map.of(), OnMatch.UPDATE, Mode.VALID_ROWS, null));
		assertThat(this.imports.preview(this.viewer, again.id()).update()).isEqualTo(2);
		ImportJob changed = finished(this.imports.start(this.viewer, again.id()));
		assertThat(changed.updated()).isEqualTo(1);
		assertThat(changed.skipped()).isEqualTo(1);
		assertThat(this.quotas.current(rep.id(), "2026-Q3", QuotaKind.PERSONAL)).get()
			.satisfies(quota -> assertThat(quota.amount()).isEqualByComparingTo("150000"));

		assertThat(finished(this.imports.undo(this.viewer, again.id())).undone()).isEqualTo(1);
		assertThat(this.quotas.current(rep.id(), "2026-Q3", QuotaKind.PERSONAL)).get()
			.satisfies(quota -> assertThat(quota.amount()).isEqualByComparingTo("120000"));
		// the first file's undo clears what it set, except the quarter's quota: changed
		// since (by the later file and its undo), it is kept and listed
		ImportJob first = finished(this.imports.undo(this.viewer, job.id()));
		assertThat(first.undone()).isEqualTo(1);
		assertThat(first.kept()).isEqualTo(1);
		assertThat(this.quotas.current(rep.id(), "2026-11", QuotaKind.PERSONAL)).isEmpty();
		assertThat(this.quotas.current(rep.id(), "2026-Q3", QuotaKind.PERSONAL)).get()
			.satisfies(quota -> assertThat(quota.amount()).isEqualByComparingTo("120000"));
	}

	@Test
	void aFileLargerThanAPartIsKeptInPartsAndReadWholeAndItsContactsGoWithTheUndoButOneEditedSince() {
		// about 1.5 MB, kept in two parts (rows cut between them), uploaded as a stream
		int rows = 3_000;
		String filler = "x".repeat(480);
		StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Account Name,Notes\n");
		for (int i = 0; i < rows; i++) {
			csv.append("Ada,Part ").append(i).append(',').append("part-").append(i).append('-').append(this.tag);
			csv.append("@example.com,Parts ").append(this.tag).append(' ').append(i % 3).append(',');
			csv.append(filler).append('\n');
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(file.length).isGreaterThan(dev.bellwether.imports.internal.ImportStore.PART_SIZE);
		ImportJob job = this.imports.upload(this.viewer, ImportTarget.CONTACT, "parts.csv",
				new java.io.ByteArrayInputStream(file), null);
		assertThat(job.total()).isEqualTo(rows);
		assertThat(job.fileSize()).isEqualTo(file.length);
		assertThat(this.jdbc.sql("select count(*) from import_file_parts where import_id = :id")
			.param("id", job.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		ImportPreview preview = this.imports.preview(this.viewer, job.id());
		assertThat(preview.create()).isEqualTo(rows);
		assertThat(preview.reject()).isZero();

		ImportJob done = finished(this.imports.start(this.viewer, job.id()));
		assertThat(done.created()).isEqualTo(rows);
		UUID last = this.lookups.contactsByEmail(List.of("part-" + (rows - 1) + "-" + this.tag + "@example.com"))
			.values()
			.iterator()
			.next()
			.get(0);
		// someone edits one contact after the import
		dev.bellwether.customers.Contact edited = this.contacts.get(this.viewer, last);
		dev.bellwether.customers.ContactDetails details = edited.details();
		this.contacts.update(this.viewer, last, edited.version(),
				new dev.bellwether.customers.ContactDetails(details.firstName(), details.lastName(), "Edited since",
						details.email(), details.phone(), details.mobile(), details.accountId(), details.ownerId()));

		ImportJob undone = finished(this.imports.undo(this.viewer, job.id()));
		assertThat(undone.status()).isEqualTo(Status.UNDONE);
		// the contacts but the edited one, and the two accounts it is not at
		assertThat(undone.undone()).isEqualTo(rows - 1 + 2);
		assertThat(undone.kept()).isEqualTo(2);
		assertThat(this.contacts.get(this.viewer, last).title()).isEqualTo("Edited since");
		assertThat(this.lookups.contactsByEmail(List.of("part-0-" + this.tag + "@example.com"))).isEmpty();
	}

	@Test
	void allOrNothingStartsOnlyWhenEveryRowIsValid() {
		ImportJob job = upload(ImportTarget.CONTACT, """
				First Name,Last Name,Email
				Ada,Lovelace %1$s,ada-%1$s@example.com
				Bad,E-mail %1$s,not-an-address
				""".formatted(this.tag));
		ImportJob strict = this.imports.configure(this.viewer, job.id(), job.version(),
				with(job.settings(), Map.of(), OnMatch.SKIP, Mode.ALL_OR_NOTHING, null));
		ImportPreview preview = this.imports.preview(this.viewer, strict.id());
		assertThat(preview.reject()).isEqualTo(1);
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.column()).isEqualTo("Email");
		});
		assertThatThrownBy(() -> this.imports.start(this.viewer, strict.id())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("all or nothing");
		assertThat(this.lookups.contactsByEmail(List.of("ada-" + this.tag + "@example.com"))).isEmpty();
	}

	@Test
	void onlySalesAdministratorsImportAndEachSeesTheirOwn() {
		User rep = this.users.create(Role.REP);
		assertThatThrownBy(() -> this.imports.upload(TestUsers.viewer(rep), ImportTarget.ACCOUNT, "a.csv",
				"Name\nX\n".getBytes(StandardCharsets.UTF_8), null))
			.isInstanceOf(ForbiddenException.class);
		ImportJob mine = upload(ImportTarget.ACCOUNT, "Name\nMine " + this.tag + "\n");
		User other = this.users.create(Role.SALES_ADMIN);
		assertThatThrownBy(() -> this.imports.get(TestUsers.viewer(other), mine.id()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(this.imports.list(TestUsers.viewer(other), 50)).extracting(ImportJob::id).doesNotContain(mine.id());
	}

	@Test
	void settingsThatNameNoColumnOrFieldAreRefused() {
		ImportJob job = upload(ImportTarget.ACCOUNT, "Name,Sector\nBad settings " + this.tag + ",x\n");
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("Name", "name");
		columns.put("Sector", "name");
		assertThatThrownBy(() -> this.imports.configure(this.viewer, job.id(), job.version(),
				new ImportSettings(columns, Map.of(), Map.of(), null, null, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Two columns");
		assertThatThrownBy(() -> this.imports.configure(this.viewer, job.id(), job.version(),
				new ImportSettings(Map.of("Nope", "name"), Map.of(), Map.of(), null, null, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void settingsSavedAsATemplateApplyToTheNextFile() {
		ImportJob first = upload(ImportTarget.CONTACT, """
				Surname,Mail,Firm
				Curie %1$s,marie-%1$s@example.com,Radium %1$s
				""".formatted(this.tag));
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("Surname", "lastName");
		columns.put("Mail", "email");
		columns.put("Firm", "account");
		ImportJob configured = this.imports.configure(this.viewer, first.id(), first.version(),
				new ImportSettings(columns, Map.of(), Map.of("account", ImportSettings.ReferenceRule.REJECT), null,
						OnMatch.UPDATE, null, null, null, null));
		String name = "Old CRM contacts " + this.tag;
		ImportTemplate template = this.imports.saveTemplate(this.viewer, configured.id(), name);
		assertThat(this.imports.templates(this.viewer, ImportTarget.CONTACT)).extracting(ImportTemplate::name)
			.contains(name);

		ImportJob next = upload(ImportTarget.CONTACT, """
				First Name,Surname,Mail
				Pierre,Curie %1$s,pierre-%1$s@example.com
				""".formatted(this.tag));
		ImportJob applied = this.imports.applyTemplate(this.viewer, next.id(), next.version(), template.id());
		assertThat(applied.settings().columns()).containsEntry("First Name", "firstName")
			.containsEntry("Surname", "lastName")
			.containsEntry("Mail", "email")
			.doesNotContainKey("Firm");
		assertThat(applied.settings().onMatch()).isEqualTo(OnMatch.UPDATE);
		assertThat(applied.settings().reference("account")).isEqualTo(ImportSettings.ReferenceRule.REJECT);
		assertThat(this.imports.preview(this.viewer, next.id()).create()).isEqualTo(1);
		this.imports.deleteTemplate(this.viewer, template.id());
		assertThat(this.imports.templates(this.viewer, ImportTarget.CONTACT)).extracting(ImportTemplate::name)
			.doesNotContain(name);
	}

	@Test
	void customFieldsAreFilledByTheirLabelsAndTheUndoPutsThemBack() {
		dev.bellwether.platform.customfield.CustomField tier = this.customFields.define("opportunity",
				new dev.bellwether.platform.customfield.CustomFieldDefinition("Tier " + this.tag,
						dev.bellwether.platform.customfield.CustomFieldType.PICK_LIST, List.of("Gold", "Silver"),
						dev.bellwether.platform.customfield.CustomField.Requirement.NEVER, null, null, false));
		try {
			ImportJob job = upload(ImportTarget.OPPORTUNITY, """
					Deal ID,Deal Name,Account,Stage,Close Date,Tier %1$s
					T-%1$s-1,Tiered one,Tier Co %1$s,Proposal,2026-10-01,gold
					T-%1$s-2,Tiered two,Tier Co %1$s,Proposal,2026-10-01,Platinum
					""".formatted(this.tag));
			assertThat(job.settings().columns()).containsEntry("Tier " + this.tag, "cf." + tier.key());
			ImportPreview preview = this.imports.preview(this.viewer, job.id());
			assertThat(preview.create()).isEqualTo(1);
			assertThat(preview.problems()).anySatisfy(problem -> {
				assertThat(problem.row()).isEqualTo(3);
				assertThat(problem.field()).isEqualTo("cf." + tier.key());
				assertThat(problem.rejects()).isTrue();
			});
			finished(this.imports.start(this.viewer, job.id()));
			UUID deal = this.opportunities.idsByExternalId(List.of("T-" + this.tag + "-1")).get("T-" + this.tag + "-1");
			assertThat(this.opportunities.get(this.viewer, deal).customFields().get(tier.key())).isEqualTo("Gold");

			// updated by a second file, and put back by its undo
			ImportJob again = upload(ImportTarget.OPPORTUNITY, """
					Deal ID,Tier %1$s
					T-%1$s-1,Silver
					""".formatted(this.tag));
			again = this.imports.configure(this.viewer, again.id(), again.version(),
					with(again.settings(), Map.of(), OnMatch.UPDATE, Mode.VALID_ROWS, null));
			ImportJob updated = finished(this.imports.start(this.viewer, again.id()));
			assertThat(updated.updated()).isEqualTo(1);
			assertThat(this.opportunities.get(this.viewer, deal).customFields().get(tier.key())).isEqualTo("Silver");
			finished(this.imports.undo(this.viewer, again.id()));
			assertThat(this.opportunities.get(this.viewer, deal).customFields().get(tier.key())).isEqualTo("Gold");
		}
		finally {
			this.customFields.retire(tier.id());
		}
	}

}
