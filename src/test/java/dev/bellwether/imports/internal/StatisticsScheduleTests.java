package dev.bellwether.imports.internal;

import java.util.ArrayList;
import java.util.List;

import dev.bellwether.imports.ImportTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's statistics are refreshed as the rows the imports write double, counted
 * across imports.
 */
class StatisticsScheduleTests {

	@Test
	void manySmallImportsRefreshAsSeldomAsOneLargeFile() {
		StatisticsSchedule schedule = new StatisticsSchedule(1_000);
		List<Integer> refreshedAt = new ArrayList<>();
		// twenty bulk calls of a thousand deals each
		for (int call = 1; call <= 20; call++) {
			if (schedule.written(ImportTarget.OPPORTUNITY, 1_000)) {
				refreshedAt.add(call * 1_000);
			}
		}
		assertThat(refreshedAt).containsExactly(1_000, 2_000, 4_000, 8_000, 16_000);
	}

	@Test
	void eachKindOfImportHasItsOwnCount() {
		StatisticsSchedule schedule = new StatisticsSchedule(1_000);
		assertThat(schedule.written(ImportTarget.CONTACT, 5_000)).isTrue();
		assertThat(schedule.written(ImportTarget.CONTACT, 2_000)).isFalse();
		// deals fill their own tables, planned as empty until refreshed
		assertThat(schedule.written(ImportTarget.OPPORTUNITY, 1_000)).isTrue();
	}

	@Test
	void aLargeChunkMovesTheNextRefreshPastIt() {
		StatisticsSchedule schedule = new StatisticsSchedule(1_000);
		assertThat(schedule.written(ImportTarget.ACCOUNT, 9_000)).isTrue();
		assertThat(schedule.written(ImportTarget.ACCOUNT, 6_000)).isFalse();
		assertThat(schedule.written(ImportTarget.ACCOUNT, 1_000)).isTrue();
	}

}
