package dev.bellwether.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public web-to-lead endpoint: the happy paths (an HTML form, a script) and each
 * abuse case, each answered as designed and with nothing half-written.
 */
@IntegrationTest
class WebToLeadTests {

	private static final String CONSENT = "Yes, Example Ltd may e-mail me about its products.";

	private static final String SITE = "https://www.example.com";

	/** Each test posts from addresses of its own, so that no rate limit is shared. */
	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	WebLeadForms forms;

	@Autowired
	Leads leads;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebToLeadProperties properties;

	@Autowired
	Clock clock;

	@Test
	void anHtmlFormPostCreatesTheLeadWithItsSourceOwnerCampaignAndConsent() throws Exception {
		User rep = this.users.create(Role.REP);
		User marketing = this.users.create(Role.MARKETING);
		Campaign campaign = this.campaigns.create(TestUsers.viewer(marketing),
				new CampaignDetails("Spring webinar", null, CampaignStatus.ACTIVE, null, null, null, null, null, null));
		WebLeadForm form = this.forms.create(TestUsers.viewer(marketing), new WebLeadFormDetails("Demo request",
				List.of(SITE), true, "Web", campaign.id(), CONSENT, true, "https://www.example.com/thanks", rep.id()));

		this.mvc.perform(formPost(form.publicKey(), "203.0.113.57").header("Origin", SITE)
			.header("Referer", "https://www.example.com/demo")
			.header("User-Agent", "Mozilla/5.0 (test)")
			.content("first_name=Ada&last_name=Lovelace&company=Analytical+Engines&email=ada%40example.com"
					+ "&country=GB&message=Call+me&consent=on&website=&page_url=https%3A%2F%2Fwww.example.com%2Fdemo"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "https://www.example.com/thanks"))
			.andExpect(header().string("Access-Control-Allow-Origin", SITE));

		List<WebLeadSubmission> submissions = submissionsOf(form);
		assertThat(submissions).hasSize(1);
		WebLeadSubmission submission = submissions.get(0);
		assertThat(submission.consentGiven()).isTrue();
		assertThat(submission.consentText()).isEqualTo(CONSENT);
		assertThat(submission.consentTextSha256()).isEqualTo(WebLeadIntake.sha256(CONSENT));
		assertThat(submission.clientNetwork()).isEqualTo("203.0.113.0/24");
		assertThat(submission.referrer()).isEqualTo("https://www.example.com/demo");
		assertThat(submission.pageUrl()).isEqualTo("https://www.example.com/demo");
		assertThat(submission.userAgent()).isEqualTo("Mozilla/5.0 (test)");
		Lead lead = this.leads.get(TestUsers.viewer(rep), submission.leadId());
		assertThat(lead.fullName()).isEqualTo("Ada Lovelace");
		assertThat(lead.source()).isEqualTo("Web");
		assertThat(lead.country()).isEqualTo("GB");
		assertThat(lead.ownerId()).isEqualTo(rep.id());
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.createdBy()).as("no person created it").isNull();
		assertThat(lead.description()).isEqualTo("Call me");
		assertThat(this.jdbc.sql(
				"select status from campaign_members where campaign_id = :c and member_type = 'LEAD' and member_id = :l")
			.param("c", campaign.id())
			.param("l", lead.id())
			.query(String.class)
			.single()).isEqualTo("RESPONDED");
		assertThat(this.forms.submissionsOf(lead.id())).singleElement()
			.satisfies(s -> assertThat(s.formName()).isEqualTo("Demo request"));
	}

	@Test
	void aJsonPostIsAcceptedWithoutConsentWhenTheFormDoesNotRequireIt() throws Exception {
		WebLeadForm form = form(List.of(SITE), CONSENT, false);

		this.mvc
			.perform(jsonPost(form.publicKey(), nextAddress()).header("Origin", "https://WWW.example.com")
				.content("{\"first_name\":\"Grace\",\"last_name\":\"Hopper\",\"email\":\"grace@example.com\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("received"))
			.andExpect(header().string("Access-Control-Allow-Origin", "https://WWW.example.com"));

		assertThat(submissionsOf(form)).singleElement().satisfies(s -> {
			assertThat(s.consentGiven()).isFalse();
			assertThat(s.consentText()).as("the text shown, though not agreed to").isEqualTo(CONSENT);
		});
	}

	@Test
	void aFilledHoneypotLooksReceivedButStoresNothing() throws Exception {
		WebLeadForm form = form(List.of(), null, false);

		this.mvc
			.perform(formPost(form.publicKey(), nextAddress())
				.content("first_name=Bot&last_name=Bot&email=bot%40spam.example&website=http%3A%2F%2Fspam.example"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/w2l/thanks"));
		this.mvc
			.perform(jsonPost(form.publicKey(), nextAddress())
				.content("{\"last_name\":\"Bot\",\"website\":\"http://spam.example\"}"))
			.andExpect(status().isAccepted());

		assertThat(submissionsOf(form)).isEmpty();
		assertThat(countsOf(form)).isEqualTo(new WebLeadFormCounts(0, 2, 0));
	}

	@Test
	void postsOverTheLimitPerAddressAndMinuteAreRefusedWithRetryAfter() throws Exception {
		WebLeadForm form = form(List.of(), null, false);
		String busy = nextAddress();
		String quiet = nextAddress();
		int limit = this.properties.postsPerMinute();
		// the limit reached this minute and the next (the clock runs on during the test)
		seedCounter(form, busy, limit);
		seedCounter(form, quiet, limit - 1);

		this.mvc.perform(jsonPost(form.publicKey(), busy).content("{\"last_name\":\"Eleventh\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(formPost(form.publicKey(), busy).content("last_name=Twelfth"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(jsonPost(form.publicKey(), quiet).content("{\"last_name\":\"Tenth\"}"))
			.andExpect(status().isAccepted());

		assertThat(submissionsOf(form)).hasSize(1);
		assertThat(countsOf(form)).isEqualTo(new WebLeadFormCounts(1, 0, 2));
		int seconds = Integer.parseInt(this.mvc.perform(jsonPost(form.publicKey(), busy).content("{}"))
			.andReturn()
			.getResponse()
			.getHeader("Retry-After"));
		assertThat(seconds).isBetween(1, 60);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413() throws Exception {
		WebLeadForm form = form(List.of(), null, false);
		String big = "x".repeat((int) this.properties.maxBodySize().toBytes());

		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("{\"message\":\"" + big + "\"}"))
			.andExpect(status().isContentTooLarge());
		this.mvc.perform(formPost(form.publicKey(), nextAddress()).content("last_name=Big&message=" + big))
			.andExpect(status().isContentTooLarge());

		assertThat(submissionsOf(form)).isEmpty();
	}

	@Test
	void malformedJsonAndOtherContentTypesAreRefused() throws Exception {
		WebLeadForm form = form(List.of(), null, false);

		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("{\"last_name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The body is not valid JSON."));
		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("[1, 2]"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("{\"last_name\": {\"a\": 1}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("last_name"));
		this.mvc
			.perform(post("/w2l/" + form.publicKey()).contentType(MediaType.TEXT_PLAIN)
				.content("last_name=Plain")
				.with(from(nextAddress())))
			.andExpect(status().isUnsupportedMediaType());

		assertThat(submissionsOf(form)).isEmpty();
	}

	@Test
	void anUnknownInactiveOrReplacedKeyIsNotFound() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		WebLeadForm form = form(List.of(), null, false);

		this.mvc.perform(jsonPost("no-such-key", nextAddress()).content("{\"last_name\":\"Nobody\"}"))
			.andExpect(status().isNotFound());

		WebLeadForm rotated = this.forms.rotateKey(TestUsers.viewer(marketing), form.id(), form.version());
		assertThat(rotated.publicKey()).isNotEqualTo(form.publicKey()).hasSizeGreaterThanOrEqualTo(32);
		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("{\"last_name\":\"Old key\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(jsonPost(rotated.publicKey(), nextAddress()).content("{\"last_name\":\"New key\"}"))
			.andExpect(status().isAccepted());

		WebLeadFormDetails off = rotated.details();
		this.forms.update(TestUsers.viewer(marketing), form.id(), rotated.version(),
				new WebLeadFormDetails(off.name(), off.allowedOrigins(), false, off.leadSource(), off.campaignId(),
						off.consentText(), off.consentRequired(), off.thankYouUrl(), off.ownerId()));
		this.mvc.perform(formPost(rotated.publicKey(), nextAddress()).content("last_name=Inactive"))
			.andExpect(status().isNotFound());

		assertThat(submissionsOf(form)).hasSize(1);
	}

	@Test
	void aMissingConsentAndInvalidFieldsAreNamedAndNothingIsStored() throws Exception {
		WebLeadForm form = form(List.of(), CONSENT, true);

		this.mvc
			.perform(jsonPost(form.publicKey(), nextAddress())
				.content("{\"last_name\":\"\",\"email\":\"not-an-address\",\"first_name\":\"" + "y".repeat(81)
						+ "\",\"country\":\"Atlantis\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'consent')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'last_name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'first_name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'country')]").exists());
		this.mvc.perform(formPost(form.publicKey(), nextAddress()).content("last_name=Unticked"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("consent: Tick the box")));

		assertThat(submissionsOf(form)).isEmpty();
	}

	@Test
	void browsersPostOnlyFromTheFormsOrigins() throws Exception {
		WebLeadForm form = form(List.of(SITE, "https://shop.example.com:8443"), null, false);

		this.mvc
			.perform(jsonPost(form.publicKey(), nextAddress()).header("Origin", "https://evil.example")
				.content("{\"last_name\":\"Foreign\"}"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		this.mvc
			.perform(formPost(form.publicKey(), nextAddress()).header("Origin", "null").content("last_name=Sandboxed"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(options("/w2l/" + form.publicKey()).header("Origin", "https://shop.example.com:8443")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example.com:8443"))
			.andExpect(header().string("Access-Control-Allow-Methods", "POST"));
		this.mvc
			.perform(options("/w2l/" + form.publicKey()).header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "POST"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		// a server-side integration sends no Origin at all
		this.mvc.perform(jsonPost(form.publicKey(), nextAddress()).content("{\"last_name\":\"Server\"}"))
			.andExpect(status().isAccepted())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));

		assertThat(submissionsOf(form)).hasSize(1);
	}

	@Test
	void formsAreCheckedWhenSaved() {
		User marketing = this.users.create(Role.MARKETING);
		User rep = this.users.create(Role.REP);

		assertThatThrownBy(() -> this.forms.create(TestUsers.viewer(marketing),
				new WebLeadFormDetails("Bad", List.of("http://www.example.com", "https://x.example/path"), true,
						"No such source", null, null, true, "ftp://example.com", marketing.id())))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsKeys("allowedOrigins", "leadSource", "consentText", "thankYouUrl", "ownerId"));
		WebLeadForm form = this.forms.create(TestUsers.viewer(marketing),
				new WebLeadFormDetails("Good", List.of("https://WWW.Example.com:443/", "http://localhost:8080"), true,
						"web", null, null, false, null, rep.id()));
		assertThat(form.allowedOrigins()).containsExactly("https://www.example.com", "http://localhost:8080");
		assertThat(form.leadSource()).isEqualTo("Web");
		assertThatThrownBy(() -> this.forms.list(TestUsers.viewer(rep)))
			.isInstanceOf(dev.bellwether.platform.ForbiddenException.class);
	}

	@Test
	void clientNetworksKeepNoWholeAddress() {
		assertThat(WebLeadIntake.network("198.51.100.23")).isEqualTo("198.51.100.0/24");
		assertThat(WebLeadIntake.network("2001:db8:abcd:12::1")).isEqualTo("2001:db8:abcd::/48");
		assertThat(WebLeadIntake.network("example.com")).isNull();
	}

	private WebLeadForm form(List<String> origins, String consentText, boolean consentRequired) {
		User rep = this.users.create(Role.REP);
		User marketing = this.users.create(Role.MARKETING);
		return this.forms.create(TestUsers.viewer(marketing), new WebLeadFormDetails("Form " + UUID.randomUUID(),
				origins, true, "Web", null, consentText, consentRequired, null, rep.id()));
	}

	private List<WebLeadSubmission> submissionsOf(WebLeadForm form) {
		return this.jdbc.sql("select lead_id from web_lead_submissions where form_id = :f order by submitted_at")
			.param("f", form.id())
			.query(UUID.class)
			.list()
			.stream()
			.flatMap(lead -> this.forms.submissionsOf(lead).stream())
			.toList();
	}

	private WebLeadFormCounts countsOf(WebLeadForm form) {
		User admin = this.users.create(Role.ADMIN);
		return this.forms.counts(TestUsers.viewer(admin)).get(form.id());
	}

	private void seedCounter(WebLeadForm form, String address, int posts) {
		for (Instant at : List.of(clockMinute(), clockMinute().plus(1, ChronoUnit.MINUTES))) {
			this.jdbc.sql("""
					insert into web_lead_rate_counters (form_id, client_hash, minute, posts)
					select f.id, encode(sha256(f.address_salt || convert_to(:address, 'UTF8')), 'hex'), :minute, :posts
					from web_lead_forms f where f.id = :form
					""")
				.param("form", form.id())
				.param("address", address)
				.param("minute", utc(at))
				.param("posts", posts)
				.update();
		}
	}

	private Instant clockMinute() {
		return this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "192.0.2." + (n % 250 + 1) + "";
	}

	private static MockHttpServletRequestBuilder formPost(String key, String address) {
		return post("/w2l/" + key).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(from(address));
	}

	private static MockHttpServletRequestBuilder jsonPost(String key, String address) {
		return post("/w2l/" + key).contentType(MediaType.APPLICATION_JSON).with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
