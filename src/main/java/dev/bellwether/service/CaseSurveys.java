package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys: one for each resolution of a case that has an e-mail address to
 * send it to (the requester's, else the case contact's), about the agent who owned the
 * case then, its account and product. The customer answers through a signed link
 * ({@link SurveyLinks}) without signing in: CSAT 1–5 about the case, optionally NPS 0–10
 * and a comment. A link answers once, and not after it expired
 * ({@code bellwether.service.surveys.valid-for}, 14 days by default) or after the case
 * was resolved again (the newer survey replaces it). The answer is written in one guarded
 * update, so two answers racing each other make one answer and one "already answered".
 */
@Service
public class CaseSurveys {

	private static final Logger log = LoggerFactory.getLogger(CaseSurveys.class);

	static final int MAX_COMMENT = 5000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SurveyLinks links;

	private final CustomerLookups customers;

	private final ApplicationEventPublisher events;

	private final boolean enabled;

	private final Duration validFor;

	CaseSurveys(JdbcClient jdbc, Clock clock, SurveyLinks links, CustomerLookups customers,
			ApplicationEventPublisher events, @Value("${bellwether.service.surveys.enabled:true}") boolean enabled,
			@Value("${bellwether.service.surveys.valid-for:P14D}") Duration validFor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.links = links;
		this.customers = customers;
		this.events = events;
		this.enabled = enabled;
		this.validFor = validFor;
	}

	/**
	 * A case resolved: its survey is written in the same transaction, and e-mailed once
	 * that commits ({@link CaseSurveyMailer}).
	 */
	@EventListener
	void on(CaseStatusChanged event) {
		if (event.to() == CaseStatus.RESOLVED && this.enabled) {
			create(event.caseId(), event.at() != null ? event.at() : this.clock.instant());
		}
	}

	/**
	 * @return the survey written, or empty when the case has no address to send it to
	 */
	@Transactional
	Optional<CaseSurvey> create(UUID caseId, Instant resolvedAt) {
		record Resolved(String requesterEmail, UUID contactId, UUID ownerId, UUID accountId, UUID productId) {
		}
		Optional<Resolved> resolved = this.jdbc.sql("""
				select requester_email, contact_id, owner_id, account_id, product_id from cases
				where id = :id and deleted_at is null
				""")
			.param("id", caseId)
			.query((rs, n) -> new Resolved(rs.getString("requester_email"), rs.getObject("contact_id", UUID.class),
					rs.getObject("owner_id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getObject("product_id", UUID.class)))
			.optional();
		if (resolved.isEmpty()) {
			return Optional.empty();
		}
		Resolved at = resolved.get();
		String recipient = at.requesterEmail();
		if ((recipient == null || recipient.isBlank()) && at.contactId() != null) {
			recipient = this.customers.emailsOfContacts(List.of(at.contactId())).get(at.contactId());
		}
		if (recipient == null || recipient.isBlank()) {
			log.debug("No survey for case {}: no address to send it to", caseId);
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update case_surveys set superseded_at = :now
				where case_id = :case and answered_at is null and superseded_at is null
				""").param("now", utc(now)).param("case", caseId).update();
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into case_surveys (id, case_id, recipient_email, agent_id, account_id, product_id,
				    resolved_at, expires_at, created_at)
				values (:id, :case, :recipient, :agent, :account, :product, :resolved, :expires, :now)
				""")
			.param("id", id)
			.param("case", caseId)
			.param("recipient", recipient.trim())
			.param("agent", at.ownerId())
			.param("account", at.accountId())
			.param("product", at.productId())
			.param("resolved", utc(resolvedAt))
			.param("expires", utc(now.plus(this.validFor)))
			.param("now", utc(now))
			.update();
		this.events.publishEvent(new CaseSurveyCreated(id, caseId));
		return find(id);
	}

	public Optional<CaseSurvey> find(UUID id) {
		return this.jdbc.sql("select * from case_surveys where id = :id")
			.param("id", id)
			.query(CaseSurveys::survey)
			.optional();
	}

	/**
	 * The case's surveys, newest first (the case page shows them; callers check that the
	 * viewer may see the case).
	 */
	public List<CaseSurvey> ofCase(UUID caseId) {
		return this.jdbc.sql("select * from case_surveys where case_id = :case order by created_at desc, id desc")
			.param("case", caseId)
			.query(CaseSurveys::survey)
			.list();
	}

	/**
	 * The survey link's token, for the e-mail and for the case page while mail is off.
	 */
	public String token(UUID surveyId) {
		return this.links.token(surveyId);
	}

	/**
	 * What a survey link shows: the survey and what it can still do, or
	 * {@link SurveyState#INVALID} for a link Bellwether did not sign.
	 */
	@Transactional(readOnly = true)
	public SurveyPage open(String token) {
		Optional<CaseSurvey> survey = this.links.surveyId(token).flatMap(this::find);
		if (survey.isEmpty()) {
			return SurveyPage.invalid();
		}
		return page(survey.get());
	}

	/**
	 * Records the customer's answer.
	 * @return the survey as it is now: {@link SurveyState#ANSWERED} with this answer, or
	 * the state that refused it (answered before, expired, superseded, invalid)
	 * @throws SurveyAnswerException when the answer itself is not valid (nothing written)
	 */
	@Transactional
	public SurveyPage answer(String token, Integer csat, Integer nps, String comment) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (csat == null || csat < 1 || csat > 5) {
			problems.put("csat", "Choose how satisfied you are, from 1 to 5.");
		}
		if (nps != null && (nps < 0 || nps > 10)) {
			problems.put("nps", "Choose a number from 0 to 10, or leave it out.");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			problems.put("comment",
					"Keep the comment to " + MAX_COMMENT + " characters (it has " + text.length() + ").");
		}
		Optional<UUID> id = this.links.surveyId(token);
		if (id.isEmpty()) {
			return SurveyPage.invalid();
		}
		if (!problems.isEmpty()) {
			throw new SurveyAnswerException(problems);
		}
		Instant now = this.clock.instant();
		int answered = this.jdbc.sql("""
				update case_surveys set csat = :csat, nps = :nps, comment = :comment, answered_at = :now
				where id = :id and answered_at is null and superseded_at is null and expires_at > :now
				""")
			.param("csat", csat)
			.param("nps", nps)
			.param("comment", text)
			.param("now", utc(now))
			.param("id", id.get())
			.update();
		Optional<CaseSurvey> survey = find(id.get());
		if (survey.isEmpty()) {
			return SurveyPage.invalid();
		}
		if (answered == 1) {
			this.events.publishEvent(new CaseSurveyAnswered(id.get(), survey.get().caseId(), csat, nps, now));
		}
		return page(survey.get());
	}

	/**
	 * Records that the survey's e-mail was handed to the SMTP server.
	 */
	@Transactional
	void sent(UUID surveyId) {
		this.jdbc.sql("update case_surveys set sent_at = :now where id = :id")
			.param("now", utc(this.clock.instant()))
			.param("id", surveyId)
			.update();
	}

	private SurveyPage page(CaseSurvey survey) {
		record About(long number, String subject) {
		}
		About about = this.jdbc.sql("select number, subject from cases where id = :id")
			.param("id", survey.caseId())
			.query((rs, n) -> new About(rs.getLong("number"), rs.getString("subject")))
			.single();
		return new SurveyPage(survey.state(this.clock.instant()), survey, "#" + about.number(), about.subject());
	}

	static CaseSurvey survey(ResultSet rs, int row) throws SQLException {
		return new CaseSurvey(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("recipient_email"), rs.getObject("agent_id", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getObject("product_id", UUID.class),
				instant(rs, "resolved_at"), instant(rs, "sent_at"), instant(rs, "expires_at"),
				instant(rs, "superseded_at"), rs.getObject("csat", Integer.class), rs.getObject("nps", Integer.class),
				rs.getString("comment"), instant(rs, "answered_at"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * What the survey page shows.
	 *
	 * @param survey {@code null} when the link is invalid
	 */
	public record SurveyPage(SurveyState state, CaseSurvey survey, String caseReference, String caseSubject) {

		static SurveyPage invalid() {
			return new SurveyPage(SurveyState.INVALID, null, null, null);
		}

	}

}
