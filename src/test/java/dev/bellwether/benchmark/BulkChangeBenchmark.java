package dev.bellwether.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.edit.BulkChanges;
import dev.bellwether.platform.edit.BulkOperation;
import dev.bellwether.platform.edit.BulkRequest;
import dev.bellwether.platform.edit.FieldValue;
import dev.bellwether.platform.edit.InlineEdit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inline edit and bulk changes of deals with their history, in deals a second: not part
 * of the suite (the class name matches no test pattern); run it on demand with
 * {@code ./mvnw -o test -Dtest=BulkChangeBenchmark -Dbench.bulk.deals=10000}. It runs in
 * the test suite's application context (embedded PostgreSQL with fsync off), so the
 * figures are an upper bound of what a durable server gives on the same machine.
 */
@IntegrationTest
class BulkChangeBenchmark {

	private static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	BulkChanges bulk;

	@Autowired
	InlineEdit edit;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers users;

	@Autowired
	NamedParameterJdbcTemplate batch;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void measuresBulkChangesAndInlineEdits() {
		int count = Integer.getInteger("bench.bulk.deals", 10_000);
		int inline = Integer.getInteger("bench.bulk.inline", 300);
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User other = this.users.create(Role.REP, manager.id());
		UUID account = this.accounts
			.create(TestUsers.viewer(rep),
					new AccountDetails("Bench " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, rep.id(), null))
			.id();
		List<UUID> deals = deals(rep, account, count);
		LocalDate moved = LocalDate.now(this.clock).plusMonths(5);

		long started = System.nanoTime();
		BulkOperation closeDates = this.bulk.start(manager.id(),
				BulkRequest.change("opportunities", deals, "closeDate", moved.toString()));
		BulkOperation done = awaitDone(manager, closeDates);
		double closeDateSeconds = seconds(started);
		assertThat(done.applied()).isEqualTo(count);
		long history = this.jdbc
			.sql("select count(*) from opportunity_history where opportunity_id in (select record_id "
					+ "from bulk_operation_items where operation_id = :id) and to_close_date = :moved")
			.param("id", done.id())
			.param("moved", moved)
			.query(Long.class)
			.single();
		assertThat(history).isEqualTo(count);
		long fieldHistoryStarted = System.nanoTime();
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc
				.sql("select count(*) from field_history where changed_by = :actor and field = 'closeDate'")
				.param("actor", manager.id())
				.query(Long.class)
				.single() >= count);
		double fieldHistorySeconds = seconds(fieldHistoryStarted);

		started = System.nanoTime();
		BulkOperation owners = awaitDone(manager, this.bulk.start(manager.id(),
				BulkRequest.change("opportunities", deals, "ownerId", other.id().toString())));
		double ownerSeconds = seconds(started);
		assertThat(owners.applied()).isEqualTo(count);

		started = System.nanoTime();
		BulkOperation undone = this.bulk.undo(manager.id(), owners.id());
		undone = awaitDone(manager, undone);
		double undoSeconds = seconds(started);

		// a stage change: probability, forecast category and stage history follow
		UUID negotiation = UUID.fromString("01900000-0000-7000-8000-000000000005");
		started = System.nanoTime();
		BulkOperation stages = awaitDone(manager, this.bulk.start(manager.id(),
				BulkRequest.change("opportunities", deals, "stageId", negotiation.toString())));
		double stageSeconds = seconds(started);
		assertThat(stages.applied()).isEqualTo(count);
		assertThat(this.jdbc
			.sql("select count(*) from opportunity_history where opportunity_id in (select record_id "
					+ "from bulk_operation_items where operation_id = :id) and to_stage_id = :stage")
			.param("id", stages.id())
			.param("stage", negotiation)
			.query(Long.class)
			.single()).isEqualTo(count);
		started = System.nanoTime();
		BulkOperation stagesUndone = awaitDone(manager, this.bulk.undo(manager.id(), stages.id()));
		double stageUndoSeconds = seconds(started);
		assertThat(stagesUndone.undone()).isEqualTo(count);

		started = System.nanoTime();
		BulkOperation amounts = awaitDone(manager,
				this.bulk.start(manager.id(), BulkRequest.change("opportunities", deals, "amount", "4321")));
		double amountSeconds = seconds(started);
		assertThat(amounts.applied()).isEqualTo(count);
		List<UUID> some = deals;

		started = System.nanoTime();
		for (UUID id : deals.subList(0, Math.min(inline, count))) {
			FieldValue current = this.edit.read(rep.id(), "opportunity", id, "nextStep");
			this.edit.edit(rep.id(), "opportunity", id, "nextStep", "Inline " + id, current.version());
		}
		double inlineSeconds = seconds(started);

		System.out.printf("""

				Bulk change benchmark (%,d deals, test database: fsync off, 2 shared cores)
				| what | deals | seconds | deals/s |
				|---|---:|---:|---:|
				| bulk close date, set-based, with stage history | %,d | %.1f | %,.0f |
				| ... field history written (async, after it) | %,d | %.1f | %,.0f |
				| bulk owner, set-based | %,d | %.1f | %,.0f |
				| undo of the owner change, set-based | %,d | %.1f | %,.0f |
				| bulk stage, set-based, with stage history | %,d | %.1f | %,.0f |
				| undo of the stage change, set-based | %,d | %.1f | %,.0f |
				| bulk amount, set-based, with stage history | %,d | %.1f | %,.0f |
				| inline edit, one at a time (read + edit) | %,d | %.1f | %,.0f |
				%n""", count, count, closeDateSeconds, count / closeDateSeconds, count, fieldHistorySeconds,
				count / fieldHistorySeconds, count, ownerSeconds, count / ownerSeconds, undone.undone(), undoSeconds,
				undone.undone() / undoSeconds, count, stageSeconds, count / stageSeconds, stagesUndone.undone(),
				stageUndoSeconds, stagesUndone.undone() / stageUndoSeconds, some.size(), amountSeconds,
				some.size() / amountSeconds, Math.min(inline, count), inlineSeconds,
				Math.min(inline, count) / inlineSeconds);
	}

	private BulkOperation awaitDone(User actor, BulkOperation operation) {
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !this.bulk.get(actor.id(), operation.id()).isRunning());
		return this.bulk.get(actor.id(), operation.id());
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private List<UUID> deals(User owner, UUID account, int count) {
		List<UUID> ids = new ArrayList<>(count);
		List<MapSqlParameterSource> rows = new ArrayList<>(count);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (int i = 0; i < count; i++) {
			UUID id = Ids.newId();
			ids.add(id);
			rows.add(new MapSqlParameterSource("id", id).addValue("name", "Bench deal " + i)
				.addValue("account", account)
				.addValue("owner", owner.id())
				.addValue("stage", FIRST_STAGE)
				.addValue("closeDate", LocalDate.now(this.clock).plusMonths(2))
				.addValue("now", now));
		}
		this.batch.batchUpdate("""
				insert into opportunities (id, name, account_id, owner_id, stage_id, amount, currency, close_date,
				  probability, forecast_category, first_stage_id, first_forecast_category, last_touched_at,
				  created_at, updated_at)
				values (:id, :name, :account, :owner, :stage, 1000, 'USD', :closeDate, 10, 'PIPELINE', :stage,
				  'PIPELINE', :now, :now, :now)
				""", rows.toArray(MapSqlParameterSource[]::new));
		return ids;
	}

}
