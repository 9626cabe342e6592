package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/forecasting.md, figure by figure: if a number there changes,
 * this test changes with it.
 */
class ForecastWorkedExampleTests {

	static final UUID DANA = UUID.fromString("00000000-0000-7000-8000-00000000000d");

	static final UUID ALI = UUID.fromString("00000000-0000-7000-8000-00000000000a");

	static final UUID BO = UUID.fromString("00000000-0000-7000-8000-00000000000b");

	final FiscalCalendar calendar = FiscalCalendar
		.of(Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, 1);

	@Test
	void theWorkedExampleOfTheDocs() {
		FiscalPeriod quarter = this.calendar.period("2026-Q3", "period");
		OrgTree tree = new OrgTree(List.of(person(DANA, "Dana", null, Role.MANAGER), person(ALI, "Ali", DANA, Role.REP),
				person(BO, "Bo", DANA, Role.REP)));
		QuotaBook quotas = new QuotaBook(List.of(quota(ALI, "2026-Q3", "20000.00"), quota(BO, "2026-07", "4000.00"),
				quota(BO, "2026-08", "4000.00"), quota(BO, "2026-09", "4000.00")), this.calendar, tree);
		Map<UUID, ForecastAmounts> deals = Map.of(ALI, amounts("10000.00", "5000.00", "4000.00", "6000.00", "1000.00"),
				BO, amounts("12500.50", "0", "2000.00", "0", "0"), DANA, amounts("0", "1500.00", "0", "0", "0"));

		List<ForecastRow> rows = new ForecastRollup(tree, deals, quotas, quarter).rows(DANA);

		assertThat(rows).extracting(ForecastRow::key)
			.containsExactly("team-" + DANA, "own-" + DANA, "person-" + ALI, "person-" + BO);
		ForecastRow team = rows.get(0);
		assertThat(team.amounts().closed()).isEqualByComparingTo("22500.50");
		assertThat(team.amounts().commit()).isEqualByComparingTo("6500.00");
		assertThat(team.amounts().bestCase()).isEqualByComparingTo("6000.00");
		assertThat(team.amounts().pipeline()).isEqualByComparingTo("6000.00");
		assertThat(team.amounts().omitted()).isEqualByComparingTo("1000.00");
		assertThat(team.amounts().commitForecast()).isEqualByComparingTo("29000.50");
		assertThat(team.amounts().bestCaseForecast()).isEqualByComparingTo("35000.50");
		assertThat(team.amounts().openPipeline()).isEqualByComparingTo("18500.00");
		assertThat(team.measures().quota()).isEqualByComparingTo("32000.00");
		assertThat(team.measures().attainment()).isEqualByComparingTo("0.7031");
		assertThat(team.measures().gap()).isEqualByComparingTo("9499.50");
		assertThat(team.measures().coverage()).isEqualByComparingTo("1.9475");

		ForecastRow ali = rows.get(2);
		assertThat(ali.amounts().commitForecast()).isEqualByComparingTo("15000.00");
		assertThat(ali.amounts().bestCaseForecast()).isEqualByComparingTo("19000.00");
		assertThat(ali.amounts().openPipeline()).isEqualByComparingTo("15000.00");
		assertThat(ali.measures().attainment()).isEqualByComparingTo("0.5000");
		assertThat(ali.measures().gap()).isEqualByComparingTo("10000.00");
		assertThat(ali.measures().coverage()).isEqualByComparingTo("1.5000");

		ForecastRow bo = rows.get(3);
		assertThat(bo.measures().quota()).as("the sum of Bo's monthly quotas").isEqualByComparingTo("12000.00");
		assertThat(bo.measures().attainment()).isEqualByComparingTo("1.0417");
		assertThat(bo.measures().gap()).isEqualByComparingTo("-500.50");
		assertThat(bo.measures().coverage()).isNull();
		assertThat(bo.measures().coverageState()).isEqualTo(ForecastMeasures.Coverage.QUOTA_MET);

		ForecastRow danaOwn = rows.get(1);
		assertThat(danaOwn.amounts().commitForecast()).isEqualByComparingTo("1500.00");
		assertThat(danaOwn.measures().quota()).isNull();
		assertThat(danaOwn.measures().attainment()).isNull();
		assertThat(danaOwn.measures().gap()).isNull();
		assertThat(danaOwn.measures().coverageState()).isEqualTo(ForecastMeasures.Coverage.NO_QUOTA);
	}

	@Test
	void aZeroQuotaHasNoAttainmentAndIsMet() {
		ForecastMeasures measures = ForecastMeasures.of(amounts("0", "10", "0", "0", "0"), BigDecimal.ZERO);
		assertThat(measures.attainment()).isNull();
		assertThat(measures.gap()).isEqualByComparingTo("0");
		assertThat(measures.coverageState()).isEqualTo(ForecastMeasures.Coverage.QUOTA_MET);
	}

	static ForecastAmounts amounts(String closed, String commit, String bestCase, String pipeline, String omitted) {
		return new ForecastAmounts(new BigDecimal(closed), new BigDecimal(commit), new BigDecimal(bestCase),
				new BigDecimal(pipeline), new BigDecimal(omitted), 1, 1, 1, 1, 1);
	}

	static Person person(UUID id, String name, UUID managerId, Role role) {
		return new Person(id, name, null, null, role, managerId, 0, null, null, true, null, null, null, null, false,
				null);
	}

	static Quota quota(UUID userId, String period, String amount) {
		return new Quota(userId, period, QuotaKind.PERSONAL, new BigDecimal(amount), 1, null, null);
	}

}
