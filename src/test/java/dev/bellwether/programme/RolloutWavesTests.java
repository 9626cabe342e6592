package dev.bellwether.programme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Rollout waves against hand-computed fixtures: who is in a wave, its gates (activation
 * within N days, adoption rate, median time to first value), its funnel, and the order in
 * which waves open.
 */
@IntegrationTest
class RolloutWavesTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	RolloutWaves waves;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	ProgrammeFixture fixture;

	Viewer lead;

	@BeforeEach
	void setUp() {
		this.fixture = new ProgrammeFixture(this.testUsers, this.jdbc);
		this.fixture.clearProgramme();
		this.lead = Viewer.of(this.testUsers.create(Role.ADMIN));
	}

	/**
	 * Opened 20 days ago (day O): u1 uses the CRM every day from O to O+14 and creates a
	 * record on O+1; u2 on O+3 (creating one) and O+10; u3 only on O+9, creating nothing;
	 * u4 never. Activation within 7 days: u1, u2 = 2 of 4 = 50%. Adoption rate: u1, u2,
	 * u3 active in the last 30 days of 4 licensed = 75%. Funnel: 4 invited, 3 signed in,
	 * 2 first record (u1, u2), 2 active in week 2 (u1 on O+8..O+14, u2 on O+10), 1
	 * healthy (u1: 15 active days in the last 28; u2 has 2).
	 */
	@Test
	void gatesAndFunnelOfAnOpenWave() {
		String team = ProgrammeFixture.team("Sales East");
		User u1 = this.fixture.person(Role.REP, team);
		User u2 = this.fixture.person(Role.REP, team);
		User u3 = this.fixture.person(Role.REP, team);
		User u4 = this.fixture.person(Role.REP, team);
		Wave wave = this.waves.create(this.lead, ProgrammeFixture.wave("Sales East", 1, team,
				new WaveGates(7, BigDecimal.valueOf(50), BigDecimal.valueOf(80), null)));
		this.waves.open(this.lead, wave.id(), null);
		LocalDate today = this.metrics.today();
		LocalDate opened = today.minusDays(20);
		this.fixture.openedAt(wave.id(), opened.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
		this.fixture.activeEachDay(u1, opened, opened.plusDays(14));
		this.jdbc.sql("update usage_daily set creates = 1 where user_id = :id and day = :day")
			.param("id", u1.id())
			.param("day", opened.plusDays(1))
			.update();
		this.fixture.used(u2, opened.plusDays(3), true, 1);
		this.fixture.used(u2, opened.plusDays(10), true, 0);
		this.fixture.used(u3, opened.plusDays(9), true, 0);

		Wave open = this.waves.get(wave.id());
		assertThat(this.waves.members(wave.id())).containsExactlyInAnyOrder(u1.id(), u2.id(), u3.id(), u4.id());
		WaveFigures figures = this.waves.figures(open);

		assertThat(figures.asOf()).isEqualTo(today);
		assertThat(figures.gates()).hasSize(2);
		WaveFigures.Gate activation = figures.gates().get(0);
		assertThat(activation.kind()).isEqualTo("ACTIVATION");
		assertThat(activation.value()).isCloseTo(0.5, within(1e-9));
		assertThat(activation.met()).as("2 of 4 meets 50%").isTrue();
		WaveFigures.Gate adoption = figures.gates().get(1);
		assertThat(adoption.kind()).isEqualTo("ADOPTION_RATE");
		assertThat(adoption.value()).isCloseTo(0.75, within(1e-9));
		assertThat(adoption.met()).as("75% is below 80%").isFalse();
		assertThat(figures.gatesMet()).isFalse();
		assertThat(figures.funnel()).isEqualTo(new WaveFigures.Funnel(4, 3, 2, 2, 1));

		// closed today: failed, and its figures stay as of the day it closed
		Wave closed = this.waves.close(this.lead, wave.id());
		assertThat(closed.status()).isEqualTo(WaveStatus.FAILED);
		assertThat(this.waves.figures(closed).funnel()).isEqualTo(new WaveFigures.Funnel(4, 3, 2, 2, 1));
	}

	/**
	 * Opened at T; first value (a deal of their own moved forward) after 2, 6 and 12
	 * days, the fourth never: the median of 2, 6, 12 and never is (6 + 12) ÷ 2 = 9 days.
	 * Half or more never reaching it leaves no median.
	 */
	@Test
	void timeToFirstValueIsTheMedianOverEveryMemberFromTheOpening() {
		String team = ProgrammeFixture.team("Sales West");
		User u1 = this.fixture.person(Role.REP, team);
		User u2 = this.fixture.person(Role.REP, team);
		User u3 = this.fixture.person(Role.REP, team);
		User u4 = this.fixture.person(Role.REP, team);
		Wave wave = this.waves.create(this.lead,
				ProgrammeFixture.wave("Sales West", 1, team, new WaveGates(null, null, null, 10)));
		this.waves.open(this.lead, wave.id(), null);
		Instant opened = this.clock.instant().minus(Duration.ofDays(20));
		this.fixture.openedAt(wave.id(), opened);
		Wave open = this.waves.get(wave.id());

		advance(u1, opened.plus(Duration.ofDays(2)));
		advance(u2, opened.plus(Duration.ofDays(6)));
		WaveFigures.Gate twoOfFour = this.waves.figures(open).gates().get(0);
		assertThat(twoOfFour.value()).as("the median of 2, 6, never, never").isNull();
		assertThat(twoOfFour.met()).isFalse();

		advance(u3, opened.plus(Duration.ofDays(12)));
		this.metrics.recompute();
		WaveFigures.Gate gate = this.waves.figures(open).gates().get(0);
		assertThat(gate.kind()).isEqualTo("TIME_TO_FIRST_VALUE");
		assertThat(gate.value()).isCloseTo(9.0, within(1e-6));
		assertThat(gate.met()).as("9 days ≤ 10").isTrue();
		assertThat(u4).isNotNull();
	}

	@Test
	void wavesOpenInOrderOrWithAReasonThatIsKept() {
		String east = ProgrammeFixture.team("East");
		String west = ProgrammeFixture.team("West");
		String north = ProgrammeFixture.team("North");
		this.fixture.person(Role.REP, east);
		User westRep = this.fixture.person(Role.REP, west);
		this.fixture.person(Role.REP, north);
		Wave first = this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, east, ProgrammeFixture.adoption(50)));
		Wave second = this.waves.create(this.lead,
				ProgrammeFixture.wave("West", 2, west, ProgrammeFixture.activation(1, 100)));
		Wave third = this.waves.create(this.lead,
				ProgrammeFixture.wave("North", 3, north, ProgrammeFixture.adoption(50)));

		// the first has not opened
		assertThatThrownBy(() -> this.waves.open(this.lead, second.id(), " "))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.fieldErrors()).containsKey("reason");
				assertThat(ex.getMessage()).contains("East has not opened");
			});
		assertThat(this.waves.get(second.id()).status()).isEqualTo(WaveStatus.PLANNED);

		this.waves.open(this.lead, first.id(), null);
		// open, but nobody in East used the CRM: its gate is not met
		assertThatThrownBy(() -> this.waves.open(this.lead, second.id(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("East has not met adoption rate");
		Wave overridden = this.waves.open(this.lead, second.id(), "The sales kick-off is next week");
		assertThat(overridden.status()).isEqualTo(WaveStatus.OPEN);
		assertThat(this.waves.get(first.id()).status()).as("still open").isEqualTo(WaveStatus.OPEN);
		assertThat(this.waves.overrides(second.id())).singleElement().satisfies(o -> {
			assertThat(o.reason()).isEqualTo("The sales kick-off is next week");
			assertThat(o.by()).isEqualTo(this.lead.id());
			assertThat(o.at()).isNotNull();
			assertThat(o.unmet()).contains("East has not met");
		});

		// West's one member used the CRM today: its gate is met, so North opens without a
		// reason once East is closed... but East failed, which needs a reason
		this.fixture.used(westRep, this.metrics.today(), true, 0);
		Wave failed = this.waves.close(this.lead, first.id());
		assertThat(failed.status()).isEqualTo(WaveStatus.FAILED);
		assertThatThrownBy(() -> this.waves.open(this.lead, third.id(), null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("East failed its gates")
			.hasMessageNotContaining("West");
		this.waves.open(this.lead, third.id(), "East is handled on its own");
		assertThat(this.waves.get(second.id()).status()).as("open with every gate met: closed as passed")
			.isEqualTo(WaveStatus.PASSED);
	}

	@Test
	void aWaveOpensWithoutAReasonWhenTheOneAheadMetItsGates() {
		String east = ProgrammeFixture.team("East");
		String west = ProgrammeFixture.team("West");
		User eastRep = this.fixture.person(Role.REP, east);
		this.fixture.person(Role.REP, west);
		Wave first = this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, east, ProgrammeFixture.activation(3, 100)));
		Wave second = this.waves.create(this.lead,
				ProgrammeFixture.wave("West", 2, west, ProgrammeFixture.adoption(50)));
		this.waves.open(this.lead, first.id(), null);
		this.fixture.used(eastRep, this.metrics.today(), false, 0);

		this.waves.open(this.lead, second.id(), null);

		assertThat(this.waves.get(first.id()).status()).isEqualTo(WaveStatus.PASSED);
		assertThat(this.waves.overrides(second.id())).isEmpty();
	}

	/**
	 * Executives (level 0) first; East's team then leaves out the executive who is in
	 * East, taken by the first wave; the named person joins a wave whatever their team.
	 */
	@Test
	void aPersonIsInTheFirstWaveThatNamesThem() {
		String east = ProgrammeFixture.team("East");
		User executive = this.fixture.person(Role.EXECUTIVE, east);
		User rep = this.fixture.person(Role.REP, east);
		User named = this.fixture.person(Role.REP, ProgrammeFixture.team("Elsewhere"));
		User deactivated = this.fixture.person(Role.REP, east);
		this.fixture.deactivate(deactivated);
		this.jdbc.sql("update users set manager_id = :boss where id = :id")
			.param("boss", executive.id())
			.param("id", rep.id())
			.update();
		Wave top = this.waves.create(this.lead, new WaveDetails("Executives", 1, List.of(0), List.of(east), List.of(),
				LocalDate.of(2026, 7, 1), ProgrammeFixture.adoption(50)));
		Wave team = this.waves.create(this.lead, new WaveDetails("East", 2, List.of(), List.of(east),
				List.of(named.id()), LocalDate.of(2026, 7, 14), ProgrammeFixture.adoption(50)));

		assertThat(this.waves.members(top.id())).containsExactly(executive.id());
		assertThat(this.waves.members(team.id())).containsExactlyInAnyOrder(rep.id(), named.id());
		assertThat(this.waves.waveOf(rep.id())).map(Wave::name).contains("East");
		assertThat(this.waves.waveOf(deactivated.id())).isEmpty();
		assertThat(WavesSection.yourWave(this.waves.waveOf(rep.id()))).isEqualTo("Your wave, East, starts 14 Jul.");
	}

	@Test
	void refusesAWaveWithoutAGateOrWithAThresholdOutOfRange() {
		String team = ProgrammeFixture.team("East");
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(null, null, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("gates"));
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(7, BigDecimal.valueOf(120), null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("activationPercent"));
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(0, BigDecimal.TEN, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("activationDays"));
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(7, null, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("activationPercent"));
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(null, null, BigDecimal.ZERO, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("adoptionPercent"));
		assertThatThrownBy(() -> this.waves.create(this.lead,
				ProgrammeFixture.wave("East", 1, team, new WaveGates(null, null, null, 400))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("firstValueDays"));
		assertThat(this.waves.list()).isEmpty();
	}

	/**
	 * The user creates a deal and moves it forward; the move is dated {@code at}.
	 */
	private void advance(User user, Instant at) {
		Viewer viewer = TestUsers.viewer(user);
		UUID account = this.accounts
			.create(viewer,
					new AccountDetails("Wave Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, viewer.id(), null))
			.id();
		Opportunity deal = this.opportunities.create(viewer,
				new OpportunityDetails("Deal", account, null, viewer.id(), PROSPECTING, new BigDecimal("10"), false,
						this.metrics.today().plusDays(20), null, null, null, null, null, null));
		this.opportunities.changeStage(viewer, deal.id(), PROPOSAL, deal.version(), null);
		this.jdbc.sql(
				"update opportunity_history set changed_at = :at where opportunity_id = :id and from_stage_id is not null")
			.param("at", utc(at))
			.param("id", deal.id())
			.update();
	}

}
