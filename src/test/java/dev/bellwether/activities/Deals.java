package dev.bellwether.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes opportunities straight into their table, for tests of the modules that hang off
 * a deal (the sales module's own service is built alongside this one).
 */
@Component
class Deals {

	/** "Prospecting", one of the default stages every database has. */
	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private final JdbcClient jdbc;

	private final Clock clock;

	Deals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	UUID create(String name, UUID accountId, UUID ownerId) {
		UUID id = Ids.newId();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("""
				insert into opportunities (id, name, account_id, owner_id, stage_id, amount, currency, close_date,
				  probability, forecast_category, first_stage_id, first_forecast_category, last_touched_at,
				  created_at, updated_at)
				values (:id, :name, :account, :owner, :stage, 1000, 'EUR', :closeDate, 10, 'PIPELINE', :stage,
				  'PIPELINE', :now, :now, :now)
				""")
			.param("id", id)
			.param("name", name)
			.param("account", accountId)
			.param("owner", ownerId)
			.param("stage", FIRST_STAGE)
			.param("closeDate", LocalDate.now(this.clock).plusMonths(2))
			.param("now", now)
			.update();
		return id;
	}

}
