package dev.bellwether.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * E-mails a resolved case's survey once the resolution commits, when an SMTP server is
 * configured ({@code spring.mail.host}): the question, five one-click answers (each opens
 * the survey page with that answer chosen; the customer confirms there, so a mail scanner
 * following links never answers for them) and the case's token in the subject, so a reply
 * to the survey threads into the case. Without SMTP the survey still exists and its link
 * is on the case page. A failure is logged without the address or the link and never
 * undoes the resolution.
 */
@Component
class CaseSurveyMailer {

	private static final Logger log = LoggerFactory.getLogger(CaseSurveyMailer.class);

	static final String[] ANSWERS = { "Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied" };

	private final CaseSurveys surveys;

	private final Optional<JavaMailSender> sender;

	private final String from;

	private final String baseUrl;

	@org.springframework.beans.factory.annotation.Autowired
	CaseSurveyMailer(CaseSurveys surveys, ObjectProvider<JavaMailSender> sender,
			@Value("${spring.mail.host:}") String mailHost,
			@Value("${bellwether.service.surveys.from:${bellwether.notifications.from:bellwether@localhost}}") String from,
			@Value("${bellwether.base-url:http://localhost:8080}") String baseUrl) {
		this(surveys, StringUtils.hasText(mailHost) ? Optional.ofNullable(sender.getIfAvailable()) : Optional.empty(),
				from, baseUrl);
	}

	CaseSurveyMailer(CaseSurveys surveys, Optional<JavaMailSender> sender, String from, String baseUrl) {
		this.surveys = surveys;
		this.sender = sender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CaseSurveyCreated event) {
		send(event.surveyId());
	}

	/**
	 * @return whether the survey was handed to the SMTP server
	 */
	boolean send(UUID surveyId) {
		if (this.sender.isEmpty()) {
			return false;
		}
		CaseSurveys.SurveyPage survey = this.surveys.open(this.surveys.token(surveyId));
		if (survey.state() != SurveyState.OPEN) {
			return false;
		}
		String link = link(surveyId);
		try {
			MimeMessage message = this.sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(survey.survey().recipientEmail());
			helper.setSubject("How did we do? [Case " + survey.caseReference() + "] " + survey.caseSubject());
			helper.setText(text(survey, link), html(survey, link));
			message.setHeader("Auto-Submitted", "auto-generated");
			this.sender.get().send(message);
			this.surveys.sent(surveyId);
			return true;
		}
		catch (MailException | MessagingException ex) {
			log.warn("Could not e-mail the survey of a case: {}", ex.getClass().getSimpleName());
			return false;
		}
	}

	String link(UUID surveyId) {
		return this.baseUrl + "/survey/" + this.surveys.token(surveyId);
	}

	private static String text(CaseSurveys.SurveyPage survey, String link) {
		StringBuilder text = new StringBuilder("Your request " + survey.caseReference() + " (" + survey.caseSubject()
				+ ") was resolved. How satisfied are you with the help you got?\n\n");
		for (int score = ANSWERS.length; score >= 1; score--) {
			text.append(ANSWERS[score - 1]).append(": ").append(link).append("?csat=").append(score).append('\n');
		}
		return text.append("\nOne question, one click. The link works once and expires in a few days.\n").toString();
	}

	private static String html(CaseSurveys.SurveyPage survey, String link) {
		StringBuilder html = new StringBuilder("<p>Your request <strong>")
			.append(HtmlUtils.htmlEscape(survey.caseReference()))
			.append("</strong> (")
			.append(HtmlUtils.htmlEscape(survey.caseSubject()))
			.append(") was resolved. How satisfied are you with the help you got?</p><p>");
		for (int score = ANSWERS.length; score >= 1; score--) {
			html.append("<a href=\"")
				.append(HtmlUtils.htmlEscape(link + "?csat=" + score))
				.append("\" style=\"display:inline-block;margin:0 8px 8px 0;padding:8px 12px;border:1px solid #1f4e79;"
						+ "border-radius:6px;color:#1f4e79;text-decoration:none\">")
				.append(ANSWERS[score - 1])
				.append("</a>");
		}
		return html.append("</p><p style=\"color:#555\">One question, one click. The link works once.</p>").toString();
	}

}
