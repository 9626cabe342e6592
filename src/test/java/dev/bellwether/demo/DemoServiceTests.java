package dev.bellwether.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.TestUsers;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.service.CaseSla;
import dev.bellwether.service.CaseSlas;
import dev.bellwether.service.CostRow;
import dev.bellwether.service.ServiceCosts;
import dev.bellwether.service.SlaClock;
import dev.bellwether.service.SlaMetric;
import dev.bellwether.service.SlaState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's customer service on first start: a service team under Helen Park,
 * two years of cases whose statuses, first responses, SLA clocks and surveys agree with
 * their own history — the SLA checked against the service module's own measurement of
 * that history — and one product with a clearly worse satisfaction. Every expected figure
 * is computed here from the rows.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DemoServiceTests {

	/** The demo's cases: their contacts are the demo's. */
	static final String DEMO_CASES = "c.contact_id in (select x.id from contacts x join users u on u.id = x.owner_id "
			+ "where u.email like '%@bellwether-demo.com')";

	@Autowired
	DemoCompany demo;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	CaseSlas slas;

	@Autowired
	ServiceCosts costs;

	void seeded() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.demo.seed(admin.id()));
		}
	}

	/** The end of the demo's story: the last moment before today. */
	Instant asOf() {
		return this.calendar.startOf(this.calendar.today()).minusMillis(1);
	}

	@Test
	void aServiceTeamUnderTheServiceLeadWorksThreeQueues() {
		seeded();
		User lead = this.users.findByUsername("service").orElseThrow();
		for (String username : DemoPeople.SERVICE_AGENTS) {
			User agent = this.users.findByUsername(username).orElseThrow();
			assertThat(agent.role()).isEqualTo(Role.SERVICE);
			assertThat(agent.managerId()).isEqualTo(lead.id());
		}
		assertThat(this.jdbc.queryForList("select name from case_queues where manager_id = ? order by name",
				String.class, lead.id()))
			.containsExactly("Billing", "Onboarding", "Support");
		assertThat(this.jdbc.queryForObject("""
				select count(distinct m.user_id) from case_queue_members m join users u on u.id = m.user_id
				where u.username like 'agent%' and u.email like '%@bellwether-demo.com'
				""", Long.class)).isEqualTo(4L);
	}

	@Test
	void seedsTwoYearsOfCasesAcrossPrioritiesChannelsAndQueues() {
		seeded();
		Map<String, Object> cases = this.jdbc.queryForMap("select count(*) as cases, "
				+ "count(distinct priority) as priorities, count(distinct channel) as channels, "
				+ "count(distinct queue_id) as queues, count(distinct product_id) as products, "
				+ "count(*) filter (where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')) as open, "
				+ "count(*) filter (where status = 'NEW' and owner_id is null) as unassigned, "
				+ "extract(day from max(created_at) - min(created_at)) as days, "
				+ "count(*) filter (where owner_id is not null and owner_id not in (select id from users "
				+ "where role = 'SERVICE')) as others " + "from cases c where " + DEMO_CASES);
		assertThat(((Number) cases.get("cases")).longValue()).isEqualTo(DemoService.CASES + DemoService.BACKLOG);
		assertThat(cases).containsEntry("priorities", 4L)
			.containsEntry("channels", 4L)
			.containsEntry("queues", 3L)
			.containsEntry("others", 0L);
		assertThat(((Number) cases.get("products")).longValue()).isEqualTo(DemoCatalogue.all().size());
		assertThat(((Number) cases.get("open")).longValue()).isBetween((long) DemoService.BACKLOG, 120L);
		assertThat(((Number) cases.get("unassigned")).longValue()).isPositive();
		assertThat(((Number) cases.get("days")).longValue()).isGreaterThan(700);
	}

	@Test
	void everyCaseIsInTheStatusItsHistoryEndsInAndFirstAnsweredByItsFirstPublicReply() {
		seeded();
		assertThat(this.jdbc.queryForObject("select count(*) from cases c where " + DEMO_CASES + " and c.status <> ("
				+ "select s.to_status from case_status_changes s where s.case_id = c.id "
				+ "order by s.changed_at desc, s.id desc limit 1)", Long.class))
			.as("cases whose status is not their last change's")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from cases c where " + DEMO_CASES
				+ " and (select count(*) from case_status_changes s where s.case_id = c.id and s.from_status is null "
				+ "and s.changed_at = c.created_at) <> 1", Long.class))
			.as("cases without exactly one creation row")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from cases c where " + DEMO_CASES
				+ " and c.first_response_at is distinct from (select min(m.created_at) from case_comments m "
				+ "where m.case_id = c.id and m.source = 'AGENT' and not m.internal)", Long.class))
			.as("cases whose first response is not their first public agent reply")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from cases c where " + DEMO_CASES
				+ " and ((c.status in ('RESOLVED', 'CLOSED')) <> (c.resolved_at is not null) "
				+ "or (c.status = 'CLOSED') <> (c.closed_at is not null))", Long.class))
			.as("cases whose resolution and closing times disagree with their status")
			.isZero();
		Map<String, Object> comments = this.jdbc.queryForMap("select count(*) as comments, "
				+ "count(*) filter (where m.internal) as internal, count(*) filter (where m.source = 'CUSTOMER') "
				+ "as customer, count(distinct m.case_id) as cases from case_comments m join cases c "
				+ "on c.id = m.case_id where " + DEMO_CASES);
		assertThat(((Number) comments.get("internal")).longValue()).isPositive();
		assertThat(((Number) comments.get("customer")).longValue()).isPositive();
		assertThat(((Number) comments.get("comments")).longValue())
			.isGreaterThan(3L * ((Number) comments.get("cases")).longValue());
	}

	@Test
	void keepsEachCasesSlaAsTheServiceModuleMeasuresItsHistory() {
		seeded();
		Instant asOf = asOf();
		Map<String, Object> outcomes = this.jdbc.queryForMap("select "
				+ "count(*) filter (where k.state = 'MET') as met, count(*) filter (where k.state = 'MISSED') as missed, "
				+ "count(*) filter (where k.state = 'BREACHED') as breached, count(*) as clocks "
				+ "from case_sla_clocks k join cases c on c.id = k.case_id where " + DEMO_CASES);
		long met = ((Number) outcomes.get("met")).longValue();
		long missed = ((Number) outcomes.get("missed")).longValue();
		assertThat(((Number) outcomes.get("clocks")).longValue())
			.isEqualTo(2L * (DemoService.CASES + DemoService.BACKLOG));
		assertThat((double) met / (met + missed)).as("targets met").isBetween(0.8, 0.97);
		assertThat(((Number) outcomes.get("breached")).longValue()).isPositive();
		// a sample of a hundred cases, measured again from their history by CaseSlas
		List<UUID> sample = this.jdbc.queryForList(
				"select c.id from cases c where " + DEMO_CASES + " order by md5(c.id::text) limit 100", UUID.class);
		for (UUID caseId : sample) {
			CaseSla sla = this.slas.of(caseId, asOf).orElseThrow();
			for (SlaMetric metric : SlaMetric.values()) {
				SlaClock.Measure measured = sla.status().of(metric);
				Map<String, Object> stored = this.jdbc.queryForMap(
						"select state, due_at, completed_at from case_sla_clocks where case_id = ? and metric = ?",
						caseId, metric.name());
				String what = caseId + " " + metric;
				if (measured.state().done()) {
					assertThat(stored.get("state")).as(what).isEqualTo(measured.state().name());
					assertThat(((Timestamp) stored.get("completed_at")).toInstant()).as(what)
						.isEqualTo(measured.completedAt());
				}
				else if (measured.dueAt() != null
						&& Math.abs(measured.dueAt().toEpochMilli() - asOf.toEpochMilli()) > 120_000) {
					assertThat(stored.get("state").equals(SlaState.BREACHED.name()))
						.as(what + " breached, as measured " + measured.state())
						.isEqualTo(measured.state() == SlaState.BREACHED);
				}
			}
		}
	}

	@Test
	void sendsASurveyForEachResolutionAndTheGatewayIsClearlyWorse() {
		seeded();
		Map<String, Object> surveys = this.jdbc.queryForMap("select count(*) as surveys, "
				+ "count(*) filter (where s.answered_at is not null) as answered, "
				+ "count(*) filter (where s.answered_at is not null and (s.csat is null or s.answered_at > s.expires_at "
				+ "or s.answered_at < s.sent_at)) as wrong, "
				+ "count(*) filter (where s.answered_at is null and s.expires_at < ?) as expired "
				+ "from case_surveys s join cases c on c.id = s.case_id where " + DEMO_CASES, Timestamp.from(asOf()));
		long answered = ((Number) surveys.get("answered")).longValue();
		assertThat(surveys).containsEntry("wrong", 0L);
		assertThat(((Number) surveys.get("expired")).longValue()).isPositive();
		assertThat((double) answered / ((Number) surveys.get("surveys")).longValue()).isBetween(0.25, 0.55);
		assertThat(this.jdbc.queryForObject("select count(*) from cases c where " + DEMO_CASES
				+ " and c.resolved_at is not null and not exists (select 1 from case_surveys s where s.case_id = c.id)",
				Long.class))
			.as("resolved cases without a survey")
			.isZero();
		List<Map<String, Object>> byProduct = this.jdbc.queryForList(
				"""
						select p.code,
						       count(*) filter (where s.csat >= 4)::float / nullif(count(*) filter (where s.csat <> 3), 0) as csat
						from case_surveys s join products p on p.id = s.product_id
						where s.answered_at is not null and s.product_id is not null
						group by p.code having count(*) >= 15 order by csat
						""");
		assertThat(byProduct).hasSizeGreaterThan(5);
		assertThat(byProduct.get(0)).containsEntry("code", DemoService.WORSE_PRODUCT);
		double worse = (Double) byProduct.get(0).get("csat");
		double next = (Double) byProduct.get(1).get("csat");
		assertThat(worse).as("the gateway's CSAT").isLessThan(0.6);
		assertThat(next - worse).as("the gap to the next worst product").isGreaterThan(0.2);
	}

	@Test
	void logsTheAgentsTimeOnEachReplyAndCostsItAtTheirRate() {
		seeded();
		// one entry for each reply or note an agent wrote, by its author, on its day
		assertThat(this.jdbc.queryForObject(
				"select count(*) from case_comments m join cases c on c.id = m.case_id "
						+ "where m.author_id is not null and " + DEMO_CASES + " and not exists (select 1 "
						+ "from case_time_entries t where t.case_id = m.case_id and t.user_id = m.author_id)",
				Long.class))
			.as("agent comments without time logged")
			.isZero();
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from case_time_entries t join cases c on c.id = t.case_id " + "where "
								+ DEMO_CASES + " and (t.minutes not between 1 and 120 or t.role <> 'SERVICE')",
						Long.class))
			.isZero();
		// the last year is all at the rate of a year ago: the agent's cost is their
		// minutes at it
		User agent = this.users.findByUsername(DemoPeople.SERVICE_AGENTS.get(0)).orElseThrow();
		User lead = this.users.findByUsername("service").orElseThrow();
		LocalDate to = this.calendar.today().minusDays(1);
		LocalDate from = to.minusDays(300);
		long minutes = this.jdbc.queryForObject("select coalesce(sum(minutes), 0) from case_time_entries "
				+ "where user_id = ? and entry_date between ? and ?", Long.class, agent.id(), from, to);
		BigDecimal expenses = this.jdbc.queryForObject(
				"select coalesce(sum(e.amount), 0) from case_expenses e "
						+ "where e.created_by = ? and e.expense_date between ? and ?",
				BigDecimal.class, agent.id(), from, to);
		assertThat(minutes).isGreaterThan(1_000);
		CostRow row = this.costs.report(TestUsers.viewer(lead), from, to, ServiceCosts.Grouping.AGENT)
			.rows()
			.stream()
			.filter(r -> agent.id().equals(r.id()))
			.findFirst()
			.orElseThrow();
		assertThat(row.figures().minutes()).isEqualTo(minutes);
		assertThat(row.figures().unratedMinutes()).isZero();
		assertThat(row.figures().timeCost()).isEqualByComparingTo(BigDecimal.valueOf(minutes)
			.multiply(new BigDecimal("45.50"))
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
		assertThat(row.figures().expenses()).isEqualByComparingTo(expenses);
	}

	@Test
	void agentsMadeAFewDealsFromCasesAndHalfOfThemAreWon() {
		seeded();
		Map<String, Object> deals = this.jdbc.queryForMap(
				"""
						select count(*) as deals,
						       count(*) filter (where o.lead_source = 'Service') as from_service,
						       count(*) filter (where s.outcome = 'WON') as won,
						       count(*) filter (where o.amount_from_line_items and exists (select 1 from opportunity_line_items l
						         where l.opportunity_id = o.id)) as priced
						from case_opportunities co join opportunities o on o.id = co.opportunity_id
						join pipeline_stages s on s.id = o.stage_id
						join cases c on c.id = co.case_id
						where co.kind = 'CROSS_SELL' and\s"""
						+ DEMO_CASES);
		assertThat(deals).containsEntry("deals", 7L)
			.containsEntry("from_service", 7L)
			.containsEntry("won", 4L)
			.containsEntry("priced", 7L);
	}

}
