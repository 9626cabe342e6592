package dev.bellwether.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.internal.metrics.UserUsage;
import dev.bellwether.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reporting and export-leakage formulas, for the build that captures reports,
 * forecasts and exports of the CRM's records, and their absence for one that does not.
 */
class FiguresTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 3, 14);

	// an executive with a dashboard view; a rep with 4 report views and 2 exports; a rep
	// active with neither; a rep not active in 30 days with exports (not in the share)
	static final List<UserUsage> USERS = List.of(usage(Role.EXECUTIVE, 10, 0, 1, 0, 0), usage(Role.REP, 20, 4, 0, 0, 2),
			usage(Role.REP, 5, 0, 0, 0, 0), usage(Role.REP, 0, 0, 0, 0, 3));

	@Test
	void reportingShareAndExportLeakageWhenMeasured() {
		Headline headline = Figures.headline(USERS, AS_OF, false, new Figures.Measured(true, true));

		// 2 of the 3 monthly active users viewed a report, dashboard or forecast
		assertThat(headline.mau()).isEqualTo(3);
		assertThat(headline.reportingShare()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(headline.executiveReportingShare()).isEqualTo(1.0);
		// exports 2 + 3 over report views 4
		assertThat(headline.exportLeakage()).isEqualTo(5 / 4.0);
		assertThat(Figures.userHealth(USERS.get(1), new Figures.Measured(true, true)).exportLeakage()).isEqualTo(0.5);
	}

	@Test
	void noFigureRatherThanZeroWhenNotMeasured() {
		Headline headline = Figures.headline(USERS, AS_OF, false, new Figures.Measured(false, false));

		assertThat(headline.reportingMeasured()).isFalse();
		assertThat(headline.exportLeakageMeasured()).isFalse();
		assertThat(headline.reportingShare()).isNull();
		assertThat(headline.executiveReportingShare()).isNull();
		assertThat(headline.exportLeakage()).isNull();
		assertThat(Figures.userHealth(USERS.get(1), new Figures.Measured(false, false)).exportLeakage()).isNull();
		// the rest is measured as ever
		assertThat(headline.adoptionRate()).isEqualTo(3 / 4.0);
	}

	static UserUsage usage(Role role, int activeDays30, long reportViews, long dashboardViews, long forecastViews,
			long exports) {
		return new UserUsage(UUID.randomUUID(), role.name(), role, null, 0, Instant.parse("2024-01-01T00:00:00Z"),
				false, 0, Math.min(activeDays30, 28), activeDays30, 0, 0, activeDays30, false, 0, reportViews,
				dashboardViews, forecastViews, exports, 0, 0, 7);
	}

	@Test
	void breadthMeasuresEachPersonAgainstTheirOwnKeyFeatures() {
		// a rep using 7 of the company's 7, a service agent 3 of service's 6, a marketer
		// none of 6 but active, someone inactive for 28 days (not in breadth), and an
		// active person measured against no key feature (not in breadth either)
		List<UserUsage> users = List.of(breadth(Role.REP, 10, 7, 7), breadth(Role.SERVICE, 10, 3, 6),
				breadth(Role.MARKETING, 4, 0, 6), breadth(Role.REP, 0, 0, 7), breadth(Role.SALES_ADMIN, 3, 0, 0));

		Headline headline = Figures.headline(users, AS_OF, false, new Figures.Measured(true, true));

		assertThat(headline.breadth()).isCloseTo((1.0 + 0.5 + 0.0) / 3, within(1e-9));
		UserHealth agent = Figures.userHealth(users.get(1), new Figures.Measured(true, true));
		assertThat(agent.keyFeaturesUsed()).isEqualTo(3);
		assertThat(agent.keyFeatures()).isEqualTo(6);
		assertThat(agent.breadth()).isEqualTo(0.5);
		assertThat(Figures.userHealth(users.get(4), new Figures.Measured(true, true)).breadth()).isNull();
	}

	static UserUsage breadth(Role role, int activeDays28, int used, int keyFeatures) {
		return new UserUsage(UUID.randomUUID(), role.name(), role, null, 0, Instant.parse("2024-01-01T00:00:00Z"),
				false, 0, activeDays28, activeDays28, 0, 0, activeDays28, false, 0, 0, 0, 0, 0, 0, used, keyFeatures);
	}

}
