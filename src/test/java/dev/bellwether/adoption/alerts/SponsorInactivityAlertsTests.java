package dev.bellwether.adoption.alerts;

import java.time.LocalDate;
import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.internal.alerts.AlertPeriods;
import dev.bellwether.adoption.internal.alerts.SponsorInactivityAlerts;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Executive sponsors: designated by administrators only; one with no active day in 14
 * days is reported to them and every administrator, once a fortnight.
 */
@IntegrationTest
class SponsorInactivityAlertsTests {

	static final String KIND = SponsorInactivityAlerts.KIND;

	@Autowired
	SponsorInactivityAlerts alerts;

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	AlertFixture fixture;

	User admin;

	@BeforeEach
	void setUp() {
		this.fixture = new AlertFixture(this.testUsers, this.jdbc, this.accounts, this.opportunities);
		this.admin = this.testUsers.create(Role.ADMIN);
	}

	@Test
	void aSponsorInactiveFor14DaysIsReportedToThemAndTheAdministratorsOnceAFortnight() {
		LocalDate asOf = LocalDate.of(2025, 5, 14);
		assertThat(AlertPeriods.fortnight(asOf)).isEqualTo("2025-05-05/P14D");
		User inactive = sponsor();
		this.fixture.active(inactive, asOf.minusDays(20));
		User active = sponsor();
		this.fixture.active(active, asOf.minusDays(13));
		this.fixture.active(active, asOf.plusDays(2));
		User never = sponsor();

		this.alerts.evaluate(asOf);
		this.alerts.evaluate(asOf);
		this.alerts.evaluate(LocalDate.of(2025, 5, 18));

		List<Notification> own = this.fixture.notifications(inactive, KIND);
		assertThat(own).hasSize(1);
		assertThat(own.get(0).title())
			.isEqualTo("Adoption warning: sponsor " + inactive.fullName() + " inactive for 14 days");
		assertThat(own.get(0).body()).contains(inactive.fullName()
				+ ", an executive sponsor of Bellwether, had no sponsor activity in the 14 days from 2025-05-01 to 2025-05-14: "
				+ "was last active on 2025-04-24 (20 days before).");
		assertThat(this.fixture.notifications(never, KIND)).singleElement()
			.extracting(Notification::body)
			.asString()
			.contains("has never been active in Bellwether");
		assertThat(this.fixture.notifications(active, KIND)).isEmpty();
		assertThat(this.fixture.notifications(this.admin, KIND)).extracting(Notification::title)
			.filteredOn(t -> t.contains(inactive.fullName()) || t.contains(never.fullName())
					|| t.contains(active.fullName()))
			.hasSize(2);

		// the next fortnight: reported again
		this.alerts.evaluate(LocalDate.of(2025, 5, 19));
		assertThat(this.fixture.notifications(inactive, KIND)).hasSize(2);
		assertThat(this.fixture.notifications(active, KIND)).isEmpty();
	}

	@Test
	void aDeactivatedOrRemovedSponsorIsNotReported() {
		LocalDate asOf = LocalDate.of(2025, 7, 9);
		User removed = sponsor();
		this.sponsors.remove(TestUsers.viewer(this.admin), removed.id());
		User deactivated = sponsor();
		this.jdbc.sql("update users set active = false, deactivated_at = now() where id = :id")
			.param("id", deactivated.id())
			.update();

		this.alerts.evaluate(asOf);

		assertThat(this.fixture.notifications(removed, KIND)).isEmpty();
		assertThat(this.fixture.notifications(deactivated, KIND)).isEmpty();
	}

	@Test
	void onlyAdministratorsDesignateActiveHumanSponsors() {
		Viewer admin = TestUsers.viewer(this.admin);
		User executive = this.fixture.user(Role.EXECUTIVE, null);
		User manager = this.testUsers.create(Role.MANAGER);
		assertThatThrownBy(() -> this.sponsors.designate(TestUsers.viewer(executive), manager.id()))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.sponsors.remove(TestUsers.viewer(executive), manager.id()))
			.isInstanceOf(ForbiddenException.class);

		User integration = this.testUsers.create(Role.SALES_ADMIN);
		this.jdbc.sql("update users set integration_account = true where id = :id")
			.param("id", integration.id())
			.update();
		assertThatThrownBy(() -> this.sponsors.designate(admin, integration.id()))
			.isInstanceOf(InvalidInputException.class);

		this.sponsors.designate(admin, executive.id());
		this.sponsors.designate(admin, executive.id());
		assertThat(this.sponsors.list()).filteredOn(s -> s.userId().equals(executive.id()))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.designatedBy()).isEqualTo(this.admin.id());
				assertThat(s.active()).isTrue();
			});
		assertThat(this.sponsors.isSponsor(executive.id())).isTrue();
		assertThat(this.sponsors.remove(admin, executive.id())).isTrue();
		assertThat(this.sponsors.remove(admin, executive.id())).isFalse();
		assertThat(this.sponsors.isSponsor(executive.id())).isFalse();
	}

	private User sponsor() {
		User user = this.fixture.user(Role.EXECUTIVE, null);
		this.sponsors.designate(TestUsers.viewer(this.admin), user.id());
		return user;
	}

}
