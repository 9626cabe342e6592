package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.ServiceSatisfaction.Grouping;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * CSAT and NPS from answered surveys, checked against figures computed here from the
 * answers themselves: by agent and account, in total for a manager who sees only their
 * own team's cases, and refused to people who do not work cases.
 */
@IntegrationTest
class ServiceSatisfactionTests {

	@Autowired
	ServiceSatisfaction satisfaction;

	@Autowired
	Cases cases;

	@Autowired
	CaseSurveys surveys;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	Clock clock;

	/** One answer: CSAT 1–5, NPS 0–10 or null. */
	record Answer(int csat, Integer nps) {
	}

	@Test
	void figuresByAgentAndAccountAndInTotalMatchTheAnswers() {
		User manager = this.users.create(Role.MANAGER);
		User ada = this.users.create(Role.SERVICE, manager.id());
		User bo = this.users.create(Role.SERVICE, manager.id());
		User rep = this.users.create(Role.REP);
		Account acme = this.customers.account(rep, "Acme " + TestCustomers.tag(), null);
		Account globex = this.customers.account(rep, "Globex " + TestCustomers.tag(), null);
		List<Answer> adaAnswers = List.of(new Answer(5, 10), new Answer(4, 9), new Answer(3, 7), new Answer(1, 2),
				new Answer(5, null));
		List<Answer> boAnswers = List.of(new Answer(2, 6), new Answer(4, 8), new Answer(5, 9));
		for (Answer answer : adaAnswers) {
			surveyed(ada, acme.id(), answer);
		}
		for (Answer answer : boAnswers) {
			surveyed(bo, globex.id(), answer);
		}
		resolvedWithoutAnswer(bo, globex.id());

		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		SatisfactionReport team = this.satisfaction.report(TestUsers.viewer(manager), today.minusDays(1), today,
				Grouping.AGENT);

		assertFigures(team.total(), concat(adaAnswers, boAnswers));
		assertThat(team.rows()).extracting(SatisfactionRow::id).containsExactly(ada.id(), bo.id());
		assertFigures(team.rows().get(0).figures(), adaAnswers);
		assertFigures(team.rows().get(1).figures(), boAnswers);
		assertThat(team.sent()).isEqualTo(9);
		assertThat(team.sentAnswered()).isEqualTo(8);
		assertThat(team.responseRate()).isEqualByComparingTo("88.9");
		assertThat(team.trend()).extracting(month -> month.figures().answered()).contains(8L);

		SatisfactionReport desk = this.satisfaction.report(TestUsers.viewer(this.users.create(Role.SERVICE)),
				today.minusDays(1), today, Grouping.ACCOUNT);
		assertFigures(row(desk, acme.id()).figures(), adaAnswers);
		assertFigures(row(desk, globex.id()).figures(), boAnswers);
	}

	@Test
	void anotherManagerSeesNoneOfTheTeamsAnswersAndAPeriodOutsideHasNone() {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		surveyed(agent, null, new Answer(5, 10));
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));

		SatisfactionReport other = this.satisfaction.report(TestUsers.viewer(this.users.create(Role.MANAGER)),
				today.minusDays(1), today, Grouping.AGENT);
		SatisfactionReport before = this.satisfaction.report(TestUsers.viewer(manager), today.minusDays(30),
				today.minusDays(1), Grouping.AGENT);

		assertThat(other.rows()).extracting(SatisfactionRow::id).doesNotContain(agent.id());
		assertThat(before.total().answered()).isZero();
		assertThat(before.total().csat()).isNull();
		assertThat(before.total().nps()).isNull();
	}

	@Test
	void peopleWhoDoNotWorkCasesAreRefusedAndABadPeriodIsNamed() {
		LocalDate today = LocalDate.now(this.clock);
		for (Role role : List.of(Role.REP, Role.MARKETING, Role.SALES_ADMIN)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThatExceptionOfType(AccessDeniedException.class).as(role.name())
				.isThrownBy(() -> this.satisfaction.report(viewer, today, today, Grouping.AGENT));
		}
		Viewer desk = TestUsers.viewer(this.users.create(Role.SERVICE));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.satisfaction.report(desk, today, today.minusDays(1), Grouping.AGENT));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Grouping.parse("galaxy", "by"));
		assertThat(Grouping.parse(" Team ", "by")).isEqualTo(Grouping.TEAM);
	}

	/** CSAT, average and NPS computed here from the answers, as the definitions say. */
	private static void assertFigures(SatisfactionFigures figures, List<Answer> answers) {
		long satisfied = answers.stream().filter(a -> a.csat() >= 4).count();
		long dissatisfied = answers.stream().filter(a -> a.csat() <= 2).count();
		List<Integer> nps = answers.stream().map(Answer::nps).filter(n -> n != null).toList();
		long promoters = nps.stream().filter(n -> n >= 9).count();
		long detractors = nps.stream().filter(n -> n <= 6).count();
		double average = answers.stream().mapToInt(Answer::csat).average().orElseThrow();

		assertThat(figures.answered()).isEqualTo(answers.size());
		assertThat(figures.csat()).isEqualByComparingTo(round(100.0 * satisfied / (satisfied + dissatisfied), 1));
		assertThat(figures.average()).isEqualByComparingTo(round(average, 2));
		assertThat(figures.npsAnswers()).isEqualTo(nps.size());
		assertThat(figures.nps()).isEqualByComparingTo(round(100.0 * (promoters - detractors) / nps.size(), 1));
	}

	private static BigDecimal round(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
	}

	private static SatisfactionRow row(SatisfactionReport report, UUID id) {
		return report.rows().stream().filter(row -> id.equals(row.id())).findFirst().orElseThrow();
	}

	private static List<Answer> concat(List<Answer> first, List<Answer> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private void surveyed(User agent, UUID accountId, Answer answer) {
		SupportCase resolved = resolved(agent, accountId);
		CaseSurvey survey = this.surveys.ofCase(resolved.id()).get(0);
		assertThat(this.surveys.answer(this.surveys.token(survey.id()), answer.csat(), answer.nps(), null).state())
			.isEqualTo(SurveyState.ANSWERED);
	}

	private void resolvedWithoutAnswer(User agent, UUID accountId) {
		assertThat(this.surveys.ofCase(resolved(agent, accountId).id())).hasSize(1);
	}

	private SupportCase resolved(User agent, UUID accountId) {
		Viewer desk = TestUsers.viewer(agent);
		SupportCase c = this.cases.open(desk, new CaseDetails("Survey me", null, accountId, null, null, null, null,
				agent.id(), null, "customer." + TestCustomers.tag() + "@example.com", "Pat Customer"));
		this.cases.changeStatus(agent.id(), c.id(), CaseStatus.OPEN);
		return this.cases.changeStatus(agent.id(), c.id(), CaseStatus.RESOLVED);
	}

}
