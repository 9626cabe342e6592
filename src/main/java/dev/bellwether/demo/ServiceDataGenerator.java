package dev.bellwether.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.db.CopyRows;
import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseStatus;
import dev.bellwether.service.SlaClock;
import dev.bellwether.service.SlaClock.Counting;
import dev.bellwether.service.SlaMetric;
import dev.bellwether.service.SlaState;
import dev.bellwether.service.SlaTargets;
import dev.bellwether.service.SlaWarning;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates customer service history — cases with their public replies, internal notes
 * and customer replies, every status they entered, their SLA (policy, clocks and history)
 * and the satisfaction survey of each resolution — deterministically from a seed, and
 * writes it with COPY straight into the service tables, as {@link SalesDataGenerator}
 * does for the pipeline. The demo company uses it for two years of cases; the service
 * benchmark for a million.
 * <p>
 * A case's story is drawn first — when it arrived, when an agent first answered, how
 * often it waited on the customer, when it was resolved and closed, whether it was
 * reopened — in business time of the SLA policy's calendar, most of it within its targets
 * and some of it not; then its SLA is measured from that story by the application's own
 * {@link SlaClock} (business hours, holidays, pauses), so what is stored is what the
 * service module would have stored had it lived the story: the clocks as last measured,
 * met or missed, and warned and escalated by the sweep that runs each minute. Whatever
 * would happen after {@code asOf} is left out: the recent cases are still being worked.
 * <p>
 * One product ({@link #worseProduct}) has more cases, more breaches and clearly worse
 * survey answers.
 */
public final class ServiceDataGenerator {

	/** Cases a chunk: generated, sorted and flushed together. */
	static final int CHUNK = 5_000;

	/** Flush beyond this many bytes of rows. */
	private static final int FLUSH_BYTES = 8 * 1024 * 1024;

	private static final long MINUTE = 60_000L;

	private static final long HOUR = 3_600_000L;

	private static final long DAY = 86_400_000L;

	/** The share of the surveys sent that are answered. */
	static final int ANSWERED_PERCENT = 38;

	private static final String[][] TOPICS = {
			{ "Support", "Dashboard does not load after the update",
					"Since this morning the dashboard shows a spinner and never loads. We cleared the cache already." },
			{ "Support", "Report totals differ from the export",
					"The monthly report shows a different total than the CSV export of the same filter." },
			{ "Support", "How do I share a report with a partner?",
					"We would like a partner to see one report without giving them an account." },
			{ "Support", "Connector sync fails with a timeout",
					"The nightly sync of our warehouse connector fails with a timeout after 30 minutes." },
			{ "Support", "Users cannot sign in with single sign-on",
					"Since the certificate rotation nobody can sign in through our identity provider." },
			{ "Support", "API returns 429 during the nightly import",
					"Our import job gets 'too many requests' from the API between 01:00 and 02:00." },
			{ "Support", "Gateway appliance loses its connection",
					"The edge gateway drops its uplink several times a day and buffers data for hours." },
			{ "Support", "Slow queries on the large dataset",
					"Queries over last year's data take minutes instead of seconds." },
			{ "Support", "Request: dark mode in the web app", "Several of our analysts asked for a dark theme." },
			{ "Billing", "Invoice shows the wrong number of seats",
					"Our last invoice charges 120 seats; we reduced to 95 in March." },
			{ "Billing", "Change of billing address", "Please send future invoices to our new head office." },
			{ "Billing", "Credit note for the outage in May",
					"We were told we would receive a credit for the outage; it is not on the invoice." },
			{ "Onboarding", "Kick-off for the new workspace",
					"We signed last week and would like to schedule the onboarding kick-off." },
			{ "Onboarding", "Data migration from our old tool",
					"How do we move five years of history from our previous system?" },
			{ "Onboarding", "Training for the new team", "Twelve new colleagues need the introduction training." } };

	private static final String[] FIRST_REPLIES = { "Thanks for reaching out — I'm looking into this now.",
			"Thank you for the details. I have reproduced the problem and am checking with our engineers.",
			"Thanks for your message. Could you tell me which workspace this concerns?",
			"Hello, thanks for the report. I'm on it and will update you shortly." };

	private static final String[] QUESTIONS = { "Could you send us a screenshot and the time it happened?",
			"Could you try again with the latest version and let us know?",
			"Could you share the log file from the connector settings page?",
			"Could you confirm the number of seats you expect on the next invoice?" };

	private static final String[] CUSTOMER_REPLIES = { "Here you go — screenshot attached. It happened at 10:40.",
			"Tried again this morning, same result.", "Log file attached.", "Yes, 95 seats is correct.",
			"Thanks, that makes sense. One more question though." };

	private static final String[] NOTES = { "Checked the logs: same pattern as last month's incident.",
			"Asked engineering in the incident channel.", "Customer is on the premium plan — keep them posted daily.",
			"Linked to the known issue in the release notes.", "Billing confirmed the seat count change." };

	private static final String[] RESOLUTIONS = {
			"This is fixed now: the change is live for your workspace. Let us know if anything else comes up.",
			"We have corrected the invoice; the credit note is on its way.",
			"The configuration is updated and the sync ran successfully tonight.",
			"Glad we could help — I'm resolving this case now." };

	private static final String[] HAPPY = { "Quick and friendly, thank you!", "Solved in no time.",
			"Very helpful agent.", "Clear explanation, thanks." };

	private static final String[] UNHAPPY = { "Took far too long.", "I had to explain the problem three times.",
			"The problem came back the next day." };

	private static final String[] GATEWAY = { "The gateway keeps dropping its connection — third case this quarter.",
			"The appliance is unreliable and support could only reboot it.",
			"Still waiting for a firmware fix for the gateway." };

	/** An agent who works cases. */
	public record Agent(UUID id, String email, int breachPercent) {
	}

	/** Someone who writes in: a contact at an account. */
	public record Requester(UUID accountId, UUID contactId, String name, String email) {
	}

	/** The queues cases land in, by the kind of problem. */
	public record Queues(UUID support, UUID billing, UUID onboarding) {
	}

	/**
	 * The SLA policy the cases take (the default, for every tier), and its calendar.
	 */
	public record Policy(UUID id, UUID calendarId, BusinessCalendar calendar, int warnPercentLeft,
			Map<CasePriority, SlaTargets> targets) {
	}

	/** Rows written, by table, and a digest of them all. */
	public record Counts(long cases, long openCases, long comments, long statusChanges, long slaEvents, long surveys,
			long answered, long timeEntries, long expenses, String digest) {
	}

	private final SplittableRandom random;

	private final long asOf;

	private final Policy policy;

	private final Duration surveyValidFor;

	private UUID worseProduct;

	private int commentsPerCase = 4;

	private final CopyRows caseRows = new CopyRows("cases",
			"id, number, subject, description, account_id, contact_id, product_id, priority, status, channel, "
					+ "owner_id, queue_id, requester_email, requester_name, first_response_at, resolved_at, closed_at, "
					+ "created_at, created_by, updated_at, updated_by, last_touched_at, last_touched_by, version");

	private final CopyRows commentRows = new CopyRows("case_comments",
			"id, case_id, author_id, author_email, body, internal, source, created_at");

	private final CopyRows changeRows = new CopyRows("case_status_changes",
			"id, case_id, from_status, to_status, changed_at, actor_id");

	private final CopyRows slaRows = new CopyRows("case_sla", "case_id, policy_id, calendar_id, account_tier, "
			+ "priority, warn_percent_left, opened_at, first_response_at, counting, updated_at, version");

	private final CopyRows clockRows = new CopyRows("case_sla_clocks",
			"case_id, metric, target_minutes, state, elapsed_seconds, due_at, warn_at, breached_at, completed_at, "
					+ "warned_at, escalated_at, computed_at");

	private final CopyRows eventRows = new CopyRows("case_sla_events", "id, case_id, kind, metric, occurred_at, "
			+ "priority, first_response_minutes, resolution_minutes, recorded_at");

	private final CopyRows surveyRows = new CopyRows("case_surveys",
			"id, case_id, recipient_email, agent_id, account_id, product_id, resolved_at, sent_at, expires_at, "
					+ "superseded_at, csat, nps, comment, answered_at, created_at");

	private final CopyRows timeRows = new CopyRows("case_time_entries",
			"id, case_id, user_id, role, entry_date, minutes, note, source, started_at, created_at, created_by, "
					+ "updated_at, updated_by, version");

	private final CopyRows expenseRows = new CopyRows("case_expenses",
			"id, case_id, expense_date, amount, currency, description, category, created_at, created_by, updated_at, "
					+ "updated_by, version");

	private final List<CopyRows> tables = List.of(this.caseRows, this.commentRows, this.changeRows, this.slaRows,
			this.clockRows, this.eventRows, this.surveyRows, this.timeRows, this.expenseRows);

	/**
	 * Draws the time logged and the expenses apart from the cases' stories, so that
	 * adding them changed none of the cases.
	 */
	private final SplittableRandom costRandom;

	private String currency = "EUR";

	private final MessageDigest digest;

	private long nextNumber;

	private long cases;

	private long openCases;

	private long comments;

	private long changes;

	private long events;

	private long surveys;

	private long answered;

	private long timeEntries;

	private long expenses;

	/**
	 * @param seed the same seed and inputs give the same rows
	 * @param asOf the moment the story ends; nothing after it is written
	 * @param policy the SLA policy every case takes
	 * @param surveyValidFor how long a survey link answers
	 * @param firstNumber the first case's number
	 */
	public ServiceDataGenerator(long seed, Instant asOf, Policy policy, Duration surveyValidFor, long firstNumber) {
		this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x53455256L);
		this.costRandom = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x434F5354L);
		this.asOf = asOf.toEpochMilli();
		this.policy = policy;
		this.surveyValidFor = surveyValidFor;
		this.nextNumber = firstNumber;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The product with more cases, more breaches and clearly worse answers.
	 */
	public ServiceDataGenerator worseProduct(UUID productId) {
		this.worseProduct = productId;
		return this;
	}

	/** The company currency the expenses are in. */
	public ServiceDataGenerator currency(String currency) {
		this.currency = currency;
		return this;
	}

	/** About this many comments a case (public replies, notes, customer replies). */
	public ServiceDataGenerator commentsPerCase(int comments) {
		this.commentsPerCase = comments;
		return this;
	}

	/**
	 * Cases created from {@code from} to the end of the story, most of them worked to the
	 * end; those whose story goes on after it are still open.
	 * @param connection where to write, or {@code null} to only count and digest
	 */
	public void history(Connection connection, Instant from, int count, List<Agent> agents, Queues queues,
			List<Requester> requesters, List<UUID> products) {
		long start = from.toEpochMilli();
		double span = (double) (this.asOf - start) / count;
		for (int first = 0; first < count; first += CHUNK) {
			int size = Math.min(CHUNK, count - first);
			long chunkStart = start + (long) (first * span);
			long chunkEnd = start + (long) ((first + size) * span);
			chunk(connection, size, chunkStart, chunkEnd, false, agents, queues, requesters, products);
		}
	}

	/**
	 * Cases created in the {@code days} before the end of the story and still being
	 * worked then (new, open or waiting on the customer): a backlog, as the SLA sweep
	 * finds it.
	 */
	public void backlog(Connection connection, int days, int count, List<Agent> agents, Queues queues,
			List<Requester> requesters, List<UUID> products) {
		long start = this.asOf - days * DAY;
		double span = (double) (this.asOf - start) / count;
		for (int first = 0; first < count; first += CHUNK) {
			int size = Math.min(CHUNK, count - first);
			chunk(connection, size, start + (long) (first * span), start + (long) ((first + size) * span), true, agents,
					queues, requesters, products);
		}
	}

	/**
	 * Sends what is left and tells what was written.
	 */
	public Counts finish(Connection connection) {
		flush(connection);
		return new Counts(this.cases, this.openCases, this.comments, this.changes, this.events, this.surveys,
				this.answered, this.timeEntries, this.expenses, HexFormat.of().formatHex(this.digest.digest()));
	}

	/** The number the next case would take. */
	public long nextNumber() {
		return this.nextNumber;
	}

	// ------------------------------------------------------------------ the stories

	private void chunk(Connection connection, int size, long from, long to, boolean keepOpen, List<Agent> agents,
			Queues queues, List<Requester> requesters, List<UUID> products) {
		long[] created = new long[size];
		for (int i = 0; i < size; i++) {
			created[i] = arrival(from, to);
		}
		java.util.Arrays.sort(created);
		for (int i = 0; i < size; i++) {
			Story story = story(created[i], keepOpen, agents, queues, requesters, products);
			write(story);
			if (this.caseRows.size() + this.commentRows.size() + this.eventRows.size() > FLUSH_BYTES) {
				flush(connection);
			}
		}
	}

	/**
	 * When a case arrives: fewer at weekends, most in office hours (phone calls always),
	 * some in the evening and at night.
	 */
	private long arrival(long from, long to) {
		long at = from + (long) (this.random.nextDouble() * Math.max(1, to - from));
		ZonedDateTime local = Instant.ofEpochMilli(at).atZone(this.policy.calendar().zone());
		boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (weekend && this.random.nextInt(100) < 75) {
			// moved to the Monday after (the queue fills over the weekend)
			local = local.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
		}
		if (this.random.nextInt(100) < 70) {
			local = local.withHour(8 + this.random.nextInt(9)).withMinute(this.random.nextInt(60));
		}
		long moved = local.toInstant().toEpochMilli() + this.random.nextInt(60_000);
		return (moved >= from && moved < to) ? moved : at;
	}

	private Story story(long created, boolean keepOpen, List<Agent> agents, Queues queues, List<Requester> requesters,
			List<UUID> products) {
		Story s = new Story();
		s.id = SalesDataGenerator.id(created, this.random);
		s.created = created;
		s.priority = pick(CasePriority.values(), 22, 50, 20, 8);
		s.channel = pick(CaseChannel.values(), 45, 25, 20, 10);
		Requester requester = requesters.get(this.random.nextInt(requesters.size()));
		s.requester = requester;
		s.product = product(products);
		boolean worse = s.product != null && s.product.equals(this.worseProduct);
		String[] topic = worse && this.random.nextInt(100) < 70 ? TOPICS[6]
				: TOPICS[this.random.nextInt(TOPICS.length)];
		s.subject = topic[1];
		s.description = topic[2];
		s.queue = switch (topic[0]) {
			case "Billing" -> queues.billing();
			case "Onboarding" -> queues.onboarding();
			default -> queues.support();
		};
		Agent agent = agents.get(this.random.nextInt(agents.size()));
		s.agent = agent;
		SlaTargets targets = this.policy.targets().get(s.priority);
		BusinessCalendar calendar = this.policy.calendar();
		int breach = agent.breachPercent() + (worse ? 12 : 0)
				+ (s.priority == CasePriority.URGENT ? 6 : s.priority == CasePriority.HIGH ? 3 : 0);
		boolean phone = s.channel == CaseChannel.PHONE;
		// a phone call is taken by an agent, who owns the case from the start
		s.status(null, phone ? CaseStatus.OPEN : CaseStatus.NEW, created, phone ? agent.id() : null);
		if (phone) {
			s.owner = agent.id();
		}
		long firstResponse = phone ? created + (2 + this.random.nextInt(20)) * MINUTE
				: add(calendar, created, scaled(targets.firstResponse(), breach, 0.05, 0.85));
		long notes = Math.max(0, this.commentsPerCase - 3 + this.random.nextInt(3));
		if (this.random.nextInt(100) < 25) {
			s.comment(agent, NOTES[this.random.nextInt(NOTES.length)], true, firstResponse - 3 * MINUTE);
			notes--;
		}
		if (s.status == CaseStatus.NEW) {
			s.owner = agent.id();
			s.status(CaseStatus.NEW, CaseStatus.OPEN, firstResponse, agent.id());
		}
		s.comment(agent, FIRST_REPLIES[this.random.nextInt(FIRST_REPLIES.length)], false, firstResponse);
		// the resolution's business time, of which waits on the customer take none
		Duration resolution = scaled(targets.resolution(), breach, 0.15, 0.9);
		Duration used = Duration.ofMillis(calendar
			.businessTimeBetween(Instant.ofEpochMilli(created), Instant.ofEpochMilli(Math.max(created, firstResponse)))
			.toMillis());
		if (resolution.compareTo(used.plusMinutes(10)) < 0) {
			resolution = used.plusMinutes(10 + this.random.nextInt(50));
		}
		long at = firstResponse;
		int waits = this.random.nextInt(100) < 50 ? 0 : this.random.nextInt(100) < 70 ? 1 : 2;
		for (int w = 0; w < waits; w++) {
			Duration work = Duration
				.ofMillis((long) (resolution.minus(used).toMillis() * (0.2 + 0.3 * this.random.nextDouble())));
			at = add(calendar, at, work);
			used = used.plus(work);
			s.comment(agent, QUESTIONS[this.random.nextInt(QUESTIONS.length)], false, at);
			s.status(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER, at, agent.id());
			at += 2 * HOUR + this.random.nextInt(70) * HOUR;
			s.customer(CUSTOMER_REPLIES[this.random.nextInt(CUSTOMER_REPLIES.length)], at);
			s.status(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.OPEN, at, null);
		}
		for (long n = 0; n < notes; n++) {
			s.comment(agent, NOTES[this.random.nextInt(NOTES.length)], true,
					created + (long) (this.random.nextDouble() * Math.max(MINUTE, at - created)));
		}
		if (!keepOpen) {
			at = add(calendar, at, resolution.minus(used));
			s.comment(agent, RESOLUTIONS[this.random.nextInt(RESOLUTIONS.length)], false, at);
			s.status(CaseStatus.OPEN, CaseStatus.RESOLVED, at, agent.id());
			s.resolutions.add(at);
			if (this.random.nextInt(100) < 4) {
				// the customer wrote back: reopened, worked again and resolved again
				at += DAY + this.random.nextInt(48) * HOUR;
				s.customer("Sorry, this is happening again.", at);
				s.status(CaseStatus.RESOLVED, CaseStatus.OPEN, at, null);
				at = add(calendar, at, Duration
					.ofMillis((long) (targets.resolution().toMillis() * (0.1 + 0.3 * this.random.nextDouble()))));
				s.comment(agent, RESOLUTIONS[this.random.nextInt(RESOLUTIONS.length)], false, at);
				s.status(CaseStatus.OPEN, CaseStatus.RESOLVED, at, agent.id());
				s.resolutions.add(at);
			}
			if (this.random.nextInt(100) < 85) {
				s.status(CaseStatus.RESOLVED, CaseStatus.CLOSED, at + 3 * DAY + this.random.nextInt(96) * HOUR,
						agent.id());
			}
		}
		s.worse = worse;
		s.breachPercent = breach;
		return s;
	}

	/**
	 * A share of the target: most within it, {@code breachPercent} in a hundred past it.
	 */
	private Duration scaled(Duration target, int breachPercent, double low, double high) {
		double share = this.random.nextInt(100) < breachPercent ? 1.05 + 1.3 * this.random.nextDouble()
				: low + (high - low) * this.random.nextDouble();
		return Duration.ofSeconds(Math.max(60, (long) (target.getSeconds() * share)));
	}

	private static long add(BusinessCalendar calendar, long at, Duration business) {
		if (business.isZero() || business.isNegative()) {
			return at;
		}
		return calendar.addBusinessTime(Instant.ofEpochMilli(at), business).toEpochMilli();
	}

	private UUID product(List<UUID> products) {
		if (products.isEmpty() || this.random.nextInt(100) < 15) {
			return null;
		}
		if (this.worseProduct != null && this.random.nextInt(100) < 14) {
			return this.worseProduct;
		}
		return products.get(this.random.nextInt(products.size()));
	}

	private <T> T pick(T[] values, int... weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int roll = this.random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	// ------------------------------------------------------------------ the rows

	/**
	 * Writes the case as it stands at the end of the story: the events after it are left
	 * out.
	 */
	private void write(Story s) {
		s.changes.removeIf(c -> c.at > this.asOf);
		s.comments.removeIf(c -> c.at > this.asOf);
		s.resolutions.removeIf(at -> at > this.asOf);
		s.comments.sort(Comparator.comparingLong(c -> c.at));
		Change last = s.changes.get(s.changes.size() - 1);
		CaseStatus status = last.to;
		long firstResponse = Long.MIN_VALUE;
		for (Comment c : s.comments) {
			if (c.agent != null && !c.internal) {
				firstResponse = c.at;
				break;
			}
		}
		UUID owner = s.owner;
		if (status == CaseStatus.NEW) {
			owner = null;
		}
		long resolvedAt = Long.MIN_VALUE;
		long closedAt = Long.MIN_VALUE;
		for (Change c : s.changes) {
			if (c.to == CaseStatus.OPEN) {
				resolvedAt = Long.MIN_VALUE;
				closedAt = Long.MIN_VALUE;
			}
			else if (c.to.isDone() && resolvedAt == Long.MIN_VALUE) {
				resolvedAt = c.at;
			}
			if (c.to == CaseStatus.CLOSED) {
				closedAt = c.at;
			}
		}
		long updated = last.at;
		UUID updatedBy = last.actor;
		for (Comment c : s.comments) {
			if (c.at > updated) {
				updated = c.at;
				updatedBy = c.agent != null ? c.agent.id() : updatedBy;
			}
		}
		this.caseRows.uuid(s.id)
			.integer(this.nextNumber++)
			.text(s.subject)
			.text(s.description)
			.uuid(s.requester.accountId())
			.uuid(s.requester.contactId())
			.uuid(s.product)
			.text(s.priority.name())
			.text(status.name())
			.text(s.channel.name())
			.uuid(owner)
			.uuid(s.queue)
			.text(s.requester.email())
			.text(s.requester.name())
			.instant(firstResponse)
			.instant(resolvedAt)
			.instant(closedAt)
			.instant(s.created)
			.uuid(s.changes.get(0).actor)
			.instant(updated)
			.uuid(updatedBy)
			.instant(updated)
			.uuid(updatedBy)
			.integer(s.changes.size() - 1 + s.comments.size())
			.endRow();
		this.cases++;
		if (status.isOpen()) {
			this.openCases++;
		}
		for (Change c : s.changes) {
			this.changeRows.uuid(SalesDataGenerator.id(c.at, this.random))
				.uuid(s.id)
				.text(c.from == null ? null : c.from.name())
				.text(c.to.name())
				.instant(c.at)
				.uuid(c.actor)
				.endRow();
			this.changes++;
		}
		for (Comment c : s.comments) {
			this.commentRows.uuid(SalesDataGenerator.id(c.at, this.random))
				.uuid(s.id)
				.uuid(c.agent == null ? null : c.agent.id())
				.text(c.agent == null ? s.requester.email() : c.agent.email())
				.text(c.body)
				.bool(c.internal)
				.text(c.agent == null ? "CUSTOMER" : "AGENT")
				.instant(c.at)
				.endRow();
			this.comments++;
		}
		sla(s, status);
		surveys(s, owner);
		cost(s);
	}

	/**
	 * The time the agent logged on the case, one entry for each reply or note they wrote
	 * (by the timer six times in ten, the rest by hand on the same day), and now and then
	 * an expense: a replacement part shipped, most often for the worse product.
	 */
	private void cost(Story s) {
		ZoneId zone = this.policy.calendar().zone();
		for (Comment c : s.comments) {
			if (c.agent == null) {
				continue;
			}
			int minutes = c.internal ? 3 + this.costRandom.nextInt(13) : 5 + this.costRandom.nextInt(26);
			if (s.worse) {
				minutes += minutes / 2;
			}
			boolean timer = this.costRandom.nextInt(10) < 6;
			long started = c.at - minutes * MINUTE;
			this.timeRows.uuid(SalesDataGenerator.id(c.at, this.costRandom))
				.uuid(s.id)
				.uuid(c.agent.id())
				.text("SERVICE")
				.date(Instant.ofEpochMilli(c.at).atZone(zone).toLocalDate())
				.integer(minutes)
				.text(timer ? null : c.internal ? "Investigation" : "Reply to the customer")
				.text(timer ? "TIMER" : "MANUAL")
				.instant(timer ? started : Long.MIN_VALUE)
				.instant(c.at)
				.uuid(c.agent.id())
				.instant(c.at)
				.uuid(c.agent.id())
				.integer(0)
				.endRow();
			this.timeEntries++;
		}
		if (!s.resolutions.isEmpty() && this.costRandom.nextInt(100) < (s.worse ? 30 : 3)) {
			long at = s.resolutions.get(0);
			boolean part = s.worse || this.costRandom.nextBoolean();
			long cents = part ? 18_000 + this.costRandom.nextInt(40_000) : 2_500 + this.costRandom.nextInt(10_000);
			this.expenseRows.uuid(SalesDataGenerator.id(at, this.costRandom))
				.uuid(s.id)
				.date(Instant.ofEpochMilli(at).atZone(zone).toLocalDate())
				.cents(cents)
				.text(this.currency)
				.text(part ? "Replacement unit shipped to the customer" : "Courier for returned hardware")
				.text(part ? "PARTS" : "SHIPPING")
				.instant(at)
				.uuid(s.agent.id())
				.instant(at)
				.uuid(s.agent.id())
				.integer(0)
				.endRow();
			this.expenses++;
		}
	}

	/**
	 * The case's SLA as {@code CaseSlas} keeps it: the history (the clocks' inputs and
	 * outcomes), the clocks as measured at the last change, then what the minute's sweep
	 * did with them up to the end of the story.
	 */
	private void sla(Story s, CaseStatus status) {
		SlaTargets targets = this.policy.targets().get(s.priority);
		List<Event> history = new ArrayList<>();
		history.add(new Event("STARTED", null, s.created, s.priority, targets));
		List<SlaClock.Transition> transitions = new ArrayList<>();
		for (Change c : s.changes) {
			Counting from = c.from == null ? Counting.RUNNING : counting(c.from);
			Counting to = counting(c.to);
			if (from != to) {
				history.add(new Event(switch (to) {
					case RUNNING -> "RESUMED";
					case PAUSED -> "PAUSED";
					case STOPPED -> "STOPPED";
				}, null, c.at, null, null));
				transitions.add(new SlaClock.Transition(Instant.ofEpochMilli(c.at), to));
			}
		}
		long firstResponse = Long.MIN_VALUE;
		for (Comment c : s.comments) {
			if (c.agent != null && !c.internal) {
				history.add(new Event("RESPONDED", null, c.at, null, null));
				if (firstResponse == Long.MIN_VALUE) {
					firstResponse = c.at;
				}
			}
		}
		history.sort(Comparator.comparingLong(e -> e.at));
		BusinessCalendar calendar = this.policy.calendar();
		SlaWarning warning = SlaWarning.percentLeft(this.policy.warnPercentLeft());
		Instant created = Instant.ofEpochMilli(s.created);
		// outcomes, as measured when each input was handled
		List<Event> outcomes = new ArrayList<>();
		java.util.Set<String> recorded = new java.util.HashSet<>();
		long lastInput = s.created;
		for (Event input : history) {
			lastInput = Math.max(lastInput, input.at);
			if (!input.kind.equals("STOPPED") && !(input.kind.equals("RESPONDED") && input.at == firstResponse)) {
				continue;
			}
			SlaClock clock = clockUntil(calendar, created, transitions, firstResponse, targets, warning, input.at);
			SlaClock.SlaStatus measured = clock.at(Instant.ofEpochMilli(input.at));
			for (SlaMetric metric : SlaMetric.values()) {
				SlaClock.Measure m = measured.of(metric);
				if (m.state().done()) {
					String kind = m.state() == SlaState.MET ? "MET" : "MISSED";
					if (recorded.add(kind + metric + m.completedAt())) {
						outcomes.add(new Event(kind, metric, m.completedAt().toEpochMilli(), null, null));
					}
				}
			}
		}
		SlaClock clock = clockUntil(calendar, created, transitions, firstResponse, targets, warning, lastInput);
		SlaClock.SlaStatus last = clock.at(Instant.ofEpochMilli(lastInput));
		for (SlaMetric metric : SlaMetric.values()) {
			SlaClock.Measure m = last.of(metric);
			SlaState state = m.state();
			long warnedAt = Long.MIN_VALUE;
			long escalatedAt = Long.MIN_VALUE;
			long breachedAt = m.breachedAt() == null ? Long.MIN_VALUE : m.breachedAt().toEpochMilli();
			// the sweep, each minute until the clock stopped or the story ended
			long end = m.completedAt() != null ? m.completedAt().toEpochMilli() : this.asOf;
			Instant warnAt = m.warnAt();
			Instant crossing = m.breachedAt() != null ? m.breachedAt() : null;
			if (m.completedAt() != null && state == SlaState.MET) {
				SlaClock.Measure before = clock.measure(metric, m.completedAt().minusMillis(1));
				warnAt = before.warnAt();
			}
			else if (m.completedAt() == null && m.dueAt() != null && m.dueAt().toEpochMilli() < end) {
				crossing = m.dueAt();
			}
			if (warnAt != null && tick(warnAt.toEpochMilli()) <= end) {
				warnedAt = tick(warnAt.toEpochMilli());
			}
			if (crossing != null && tick(crossing.toEpochMilli()) <= end) {
				escalatedAt = tick(crossing.toEpochMilli());
				if (warnedAt != Long.MIN_VALUE && warnedAt >= escalatedAt) {
					// past due at once: escalated without a warning first
					warnedAt = Long.MIN_VALUE;
				}
			}
			if (m.completedAt() == null) {
				if (escalatedAt != Long.MIN_VALUE) {
					state = SlaState.BREACHED;
					breachedAt = crossing.toEpochMilli();
				}
				else if (warnedAt != Long.MIN_VALUE && state == SlaState.RUNNING) {
					state = SlaState.WARNING;
				}
			}
			if (warnedAt != Long.MIN_VALUE) {
				outcomes.add(new Event("WARNED", metric, warnAt.toEpochMilli(), null, null, warnedAt));
			}
			if (escalatedAt != Long.MIN_VALUE) {
				outcomes.add(new Event("BREACHED", metric, crossing.toEpochMilli(), null, null, escalatedAt));
			}
			this.clockRows.uuid(s.id)
				.text(metric.name())
				.integer(m.target().toMinutes())
				.text(state.name())
				.integer(m.elapsed().getSeconds())
				.instant(m.dueAt() == null ? Long.MIN_VALUE : m.dueAt().toEpochMilli())
				.instant(m.warnAt() == null ? Long.MIN_VALUE : m.warnAt().toEpochMilli())
				.instant(breachedAt)
				.instant(m.completedAt() == null ? Long.MIN_VALUE : m.completedAt().toEpochMilli())
				.instant(warnedAt)
				.instant(escalatedAt)
				.instant(lastInput)
				.endRow();
		}
		Counting counting = counting(status);
		this.slaRows.uuid(s.id)
			.uuid(this.policy.id())
			.uuid(this.policy.calendarId())
			.text("STANDARD")
			.text(s.priority.name())
			.integer(this.policy.warnPercentLeft())
			.instant(s.created)
			.instant(firstResponse)
			.text(counting.name())
			.instant(lastInput)
			.integer(history.size())
			.endRow();
		history.addAll(outcomes);
		for (Event e : history) {
			this.eventRows.uuid(SalesDataGenerator.id(e.recorded, this.random))
				.uuid(s.id)
				.text(e.kind)
				.text(e.metric == null ? null : e.metric.name())
				.instant(e.at)
				.text(e.priority == null ? null : e.priority.name())
				.value(e.targets == null ? null : (int) e.targets.firstResponse().toMinutes())
				.value(e.targets == null ? null : (int) e.targets.resolution().toMinutes())
				.instant(e.recorded)
				.endRow();
			this.events++;
		}
	}

	/** The clock as it was known at {@code until}: only the inputs handled by then. */
	private static SlaClock clockUntil(BusinessCalendar calendar, Instant created,
			List<SlaClock.Transition> transitions, long firstResponse, SlaTargets targets, SlaWarning warning,
			long until) {
		List<SlaClock.Transition> known = transitions.stream().filter(t -> t.at().toEpochMilli() <= until).toList();
		Instant responded = firstResponse != Long.MIN_VALUE && firstResponse <= until
				? Instant.ofEpochMilli(firstResponse) : null;
		return SlaClock.of(calendar, created, known, responded, targets, warning);
	}

	/** The sweep's run at or after the instant: on the minute. */
	private static long tick(long at) {
		return Math.floorDiv(at, MINUTE) * MINUTE + MINUTE;
	}

	private static Counting counting(CaseStatus status) {
		return switch (status) {
			case NEW, OPEN -> Counting.RUNNING;
			case WAITING_ON_CUSTOMER -> Counting.PAUSED;
			case RESOLVED, CLOSED -> Counting.STOPPED;
		};
	}

	/**
	 * A survey for each resolution, sent a minute or two later, valid for
	 * {@code surveyValidFor}; a later resolution supersedes one not yet answered. About
	 * {@value #ANSWERED_PERCENT} in a hundred are answered within days; the rest expire.
	 */
	private void surveys(Story s, UUID owner) {
		if (s.requester.email() == null) {
			return;
		}
		for (int r = 0; r < s.resolutions.size(); r++) {
			long resolved = s.resolutions.get(r);
			long next = r + 1 < s.resolutions.size() ? s.resolutions.get(r + 1) : Long.MAX_VALUE;
			long sent = resolved + MINUTE + this.random.nextInt(90_000);
			long expires = resolved + this.surveyValidFor.toMillis();
			long answeredAt = Long.MIN_VALUE;
			int csat = 0;
			int nps = -1;
			String comment = null;
			int answerPercent = s.worse ? ANSWERED_PERCENT + 10 : ANSWERED_PERCENT;
			if (this.random.nextInt(100) < answerPercent) {
				long at = sent + (this.random.nextInt(100) < 60 ? this.random.nextInt(8) * HOUR + 10 * MINUTE
						: this.random.nextInt(9) * DAY + this.random.nextInt(20) * HOUR);
				if (at < Math.min(expires, Math.min(next, this.asOf))) {
					answeredAt = at;
					csat = csat(s);
					nps = this.random.nextInt(100) < 75 ? nps(csat) : -1;
					if (this.random.nextInt(100) < 45) {
						comment = s.worse && csat <= 3 ? GATEWAY[this.random.nextInt(GATEWAY.length)]
								: csat >= 4 ? HAPPY[this.random.nextInt(HAPPY.length)]
										: UNHAPPY[this.random.nextInt(UNHAPPY.length)];
					}
				}
			}
			long superseded = answeredAt == Long.MIN_VALUE && next <= this.asOf ? next : Long.MIN_VALUE;
			this.surveyRows.uuid(SalesDataGenerator.id(resolved, this.random))
				.uuid(s.id)
				.text(s.requester.email())
				.uuid(owner)
				.uuid(s.requester.accountId())
				.uuid(s.product)
				.instant(resolved)
				.instant(sent <= this.asOf ? sent : Long.MIN_VALUE)
				.instant(expires)
				.instant(superseded)
				.value(answeredAt == Long.MIN_VALUE ? null : csat)
				.value(nps < 0 ? null : nps)
				.text(comment)
				.instant(answeredAt)
				.instant(resolved)
				.endRow();
			this.surveys++;
			if (answeredAt != Long.MIN_VALUE) {
				this.answered++;
			}
		}
	}

	/**
	 * 1 to 5: mostly satisfied, less so after a breach, far less for the worse product.
	 */
	private int csat(Story s) {
		int[] weights = s.worse ? new int[] { 24, 22, 18, 20, 16 } : new int[] { 4, 5, 9, 30, 52 };
		if (!s.worse && s.breachPercent > 10 && this.random.nextInt(100) < 30) {
			weights = new int[] { 12, 15, 20, 28, 25 };
		}
		return pick(new Integer[] { 1, 2, 3, 4, 5 }, weights);
	}

	/** 0 to 10, in line with the case's score. */
	private int nps(int csat) {
		return switch (csat) {
			case 5 -> 8 + this.random.nextInt(3);
			case 4 -> 6 + this.random.nextInt(4);
			case 3 -> 4 + this.random.nextInt(5);
			default -> this.random.nextInt(6);
		};
	}

	private void flush(Connection connection) {
		for (CopyRows table : this.tables) {
			table.digest(this.digest);
		}
		if (connection == null) {
			this.tables.forEach(CopyRows::clear);
			return;
		}
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (CopyRows table : this.tables) {
				table.copyTo(copy);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy the generated service rows", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A case's story while it is drawn. */
	private static final class Story {

		UUID id;

		long created;

		CasePriority priority;

		CaseChannel channel;

		Requester requester;

		UUID product;

		String subject;

		String description;

		UUID queue;

		Agent agent;

		UUID owner;

		CaseStatus status;

		boolean worse;

		int breachPercent;

		final List<Change> changes = new ArrayList<>();

		final List<Comment> comments = new ArrayList<>();

		final List<Long> resolutions = new ArrayList<>();

		void status(CaseStatus from, CaseStatus to, long at, UUID actor) {
			this.changes.add(new Change(from, to, at, actor));
			this.status = to;
		}

		void comment(Agent agent, String body, boolean internal, long at) {
			this.comments.add(new Comment(agent, body, internal, Math.max(at, this.created)));
		}

		void customer(String body, long at) {
			this.comments.add(new Comment(null, body, false, at));
		}

	}

	private record Change(CaseStatus from, CaseStatus to, long at, UUID actor) {
	}

	private record Comment(Agent agent, String body, boolean internal, long at) {
	}

	private record Event(String kind, SlaMetric metric, long at, CasePriority priority, SlaTargets targets,
			long recorded) {

		Event(String kind, SlaMetric metric, long at, CasePriority priority, SlaTargets targets) {
			this(kind, metric, at, priority, targets, at);
		}

	}

}
