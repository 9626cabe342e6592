package dev.bellwether.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.platform.Ids;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * A resolved case's satisfaction survey: written on resolution for the requester (else
 * the contact), replaced by a newer one when the case is resolved again, answered once
 * through a signed link, and refused — with what happened — when the link was forged, has
 * expired, was replaced or was used before. E-mailed through a real SMTP server.
 */
@IntegrationTest
class CaseSurveysTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	CaseSurveys surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Test
	void aResolvedCaseGetsOneSurveyForItsRequesterAndANewerResolutionReplacesIt() {
		UUID caseId = newCase("pat@customer.example", null);

		CaseSurvey first = resolve(caseId).orElseThrow();
		assertThat(first.recipientEmail()).isEqualTo("pat@customer.example");
		assertThat(Duration.between(first.createdAt(), first.expiresAt())).isEqualTo(Duration.ofDays(14));
		assertThat(first.state(this.clock.instant())).isEqualTo(SurveyState.OPEN);

		CaseSurvey second = resolve(caseId).orElseThrow();

		assertThat(this.surveys.ofCase(caseId)).extracting(CaseSurvey::id).containsExactly(second.id(), first.id());
		assertThat(this.surveys.open(this.surveys.token(first.id())).state()).isEqualTo(SurveyState.SUPERSEDED);
		assertThat(this.surveys.answer(this.surveys.token(first.id()), 5, null, null).state())
			.isEqualTo(SurveyState.SUPERSEDED);
		assertThat(this.surveys.find(first.id()).orElseThrow().csat()).isNull();
		assertThat(this.surveys.open(this.surveys.token(second.id())).state()).isEqualTo(SurveyState.OPEN);
	}

	@Test
	void aCaseWithNoAddressToWriteToGetsNoSurvey() {
		UUID caseId = newCase(null, null);

		assertThat(resolve(caseId)).isEmpty();
		assertThat(this.surveys.ofCase(caseId)).isEmpty();
	}

	@Test
	void aLinkAnswersOnceAndKeepsTheFirstAnswer() {
		CaseSurvey survey = resolve(newCase("once@customer.example", null)).orElseThrow();
		String token = this.surveys.token(survey.id());

		CaseSurveys.SurveyPage answered = this.surveys.answer(token, 4, 9, "  Quick and kind.  ");
		CaseSurveys.SurveyPage again = this.surveys.answer(token, 1, 0, "Changed my mind");

		assertThat(answered.state()).isEqualTo(SurveyState.ANSWERED);
		assertThat(again.state()).isEqualTo(SurveyState.ANSWERED);
		CaseSurvey stored = this.surveys.find(survey.id()).orElseThrow();
		assertThat(stored.csat()).isEqualTo(4);
		assertThat(stored.nps()).isEqualTo(9);
		assertThat(stored.comment()).isEqualTo("Quick and kind.");
		assertThat(stored.answeredAt()).isCloseTo(this.clock.instant(), within(5, ChronoUnit.SECONDS));
	}

	@Test
	void aForgedOrChangedLinkNamesNoSurvey() {
		CaseSurvey survey = resolve(newCase("forged@customer.example", null)).orElseThrow();
		String token = this.surveys.token(survey.id());
		char last = token.charAt(token.length() - 1);
		// the last character differs in its unused bits only (A and B decode alike there)
		String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
		int middle = token.indexOf('.') + 3;
		String flipped = token.substring(0, middle) + (token.charAt(middle) == 'x' ? 'y' : 'x')
				+ token.substring(middle + 1);
		String otherSurvey = this.surveys.token(UUID.randomUUID());
		String spliced = otherSurvey.substring(0, otherSurvey.indexOf('.')) + token.substring(token.indexOf('.'));

		for (String forged : new String[] { changed, flipped, spliced, "nonsense", "", "a.b", token + token }) {
			assertThat(this.surveys.open(forged).state()).as(forged).isEqualTo(SurveyState.INVALID);
			assertThat(this.surveys.answer(forged, 5, null, null).state()).as(forged).isEqualTo(SurveyState.INVALID);
		}
		// a well-signed link whose survey does not exist
		assertThat(this.surveys.open(otherSurvey).state()).isEqualTo(SurveyState.INVALID);
		assertThat(this.surveys.find(survey.id()).orElseThrow().answeredAt()).isNull();
	}

	@Test
	void anExpiredLinkIsRefused() {
		CaseSurvey survey = resolve(newCase("late@customer.example", null)).orElseThrow();
		this.jdbc.sql("update case_surveys set expires_at = :at where id = :id")
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("id", survey.id())
			.update();
		String token = this.surveys.token(survey.id());

		assertThat(this.surveys.open(token).state()).isEqualTo(SurveyState.EXPIRED);
		assertThat(this.surveys.answer(token, 5, 10, null).state()).isEqualTo(SurveyState.EXPIRED);
		assertThat(this.surveys.find(survey.id()).orElseThrow().csat()).isNull();
	}

	@Test
	void anAnswerOutOfRangeIsRefusedByFieldAndNothingIsWritten() {
		CaseSurvey survey = resolve(newCase("range@customer.example", null)).orElseThrow();
		String token = this.surveys.token(survey.id());

		assertThatExceptionOfType(SurveyAnswerException.class)
			.isThrownBy(() -> this.surveys.answer(token, 6, 11, "x".repeat(CaseSurveys.MAX_COMMENT + 1)))
			.satisfies(ex -> assertThat(ex.problems()).containsOnlyKeys("csat", "nps", "comment"));
		assertThatExceptionOfType(SurveyAnswerException.class)
			.isThrownBy(() -> this.surveys.answer(token, null, 5, null))
			.satisfies(ex -> assertThat(ex.problems()).containsOnlyKeys("csat"));
		assertThat(this.surveys.find(survey.id()).orElseThrow().answeredAt()).isNull();
	}

	@Test
	void theSurveyIsMailedWithOneClickAnswersAndTheCaseTokenInTheSubject() throws Exception {
		UUID caseId = newCase("mail@customer.example", null);
		CaseSurvey survey = resolve(caseId).orElseThrow();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		CaseSurveyMailer mailer = new CaseSurveyMailer(this.surveys, Optional.of(sender), "support@bellwether.example",
				"https://crm.example.com/");

		assertThat(mailer.send(survey.id())).isTrue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		long number = this.jdbc.sql("select number from cases where id = :id")
			.param("id", caseId)
			.query(Long.class)
			.single();
		assertThat(received[0].getSubject()).isEqualTo("How did we do? [Case #" + number + "] Printer offline");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("mail@customer.example");
		assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
		String body = GreenMailUtil.getBody(received[0]);
		String link = "https://crm.example.com/survey/" + this.surveys.token(survey.id());
		assertThat(body).contains(link + "?csat=5").contains(link + "?csat=1");
		assertThat(this.surveys.find(survey.id()).orElseThrow().sentAt()).isCloseTo(this.clock.instant(),
				within(5, ChronoUnit.SECONDS));

		this.surveys.answer(this.surveys.token(survey.id()), 3, null, null);
		assertThat(mailer.send(survey.id())).as("an answered survey is not sent again").isFalse();
	}

	@Test
	void aCaseWithoutARequesterAddressIsSurveyedAtItsContactsAddress() {
		String email = "robin." + TestCustomers.tag() + "@customer.example";
		UUID contact = this.customers.contact(this.users.create(Role.REP), "Robin", "Contact", email, null).id();

		assertThat(resolve(newCase(null, contact))).map(CaseSurvey::recipientEmail).contains(email);
	}

	private Optional<CaseSurvey> resolve(UUID caseId) {
		return this.surveys.create(caseId, this.clock.instant());
	}

	private UUID newCase(String requesterEmail, UUID contactId) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into cases (id, subject, channel, status, requester_email, contact_id, created_at, updated_at,
				    last_touched_at)
				values (:id, 'Printer offline', 'EMAIL', 'RESOLVED', :email, :contact, :now, :now, :now)
				""")
			.param("id", id)
			.param("email", requesterEmail)
			.param("contact", contactId)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		return id;
	}

}
