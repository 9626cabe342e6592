package dev.bellwether.sales;

import java.util.List;
import java.util.UUID;

import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import dev.bellwether.platform.timeline.TimelineSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * A deal's stage history on its timeline: its creation and every change of stage, amount,
 * close date, probability or forecast category. Whoever shows the timeline has checked
 * that the viewer may see the deal.
 */
@Component
class StageHistoryTimeline implements TimelineSource {

	static final String SOURCE = "stage-history";

	private static final String SELECT = """
			select h.*, fs.name as from_stage_name, ts.name as to_stage_name from opportunity_history h
			left join pipeline_stages fs on fs.id = h.from_stage_id join pipeline_stages ts on ts.id = h.to_stage_id
			where h.opportunity_id = :id
			""";

	private final JdbcClient jdbc;

	StageHistoryTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit) {
		if (!OpportunityAccess.RECORD_TYPE.equals(recordType) || limit <= 0) {
			return List.of();
		}
		String keyset = before == null ? "" : " and (h.changed_at, h.id) < (:beforeAt, :beforeId)";
		var query = this.jdbc.sql(SELECT + keyset + " order by h.changed_at desc, h.id desc limit :limit")
			.param("id", recordId)
			.param("limit", limit);
		if (before != null) {
			query = query.param("beforeAt", utc(before.at())).param("beforeId", before.id());
		}
		return query.query(Opportunities::mapChange).list().stream().map(StageHistoryTimeline::entry).toList();
	}

	static TimelineEntry entry(StageChange change) {
		String type = change.isCreation() ? "CREATED" : change.stageChanged() ? "STAGE" : "FORECAST";
		return new TimelineEntry(change.changedAt(), change.id(), SOURCE, type, change.summary(), change.changes(),
				change.changedBy(), null);
	}

}
