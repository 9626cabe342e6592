package dev.bellwether.marketing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.picklist.PickLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * Takes posts to the public web-to-lead endpoint, each to one clear outcome, in this
 * order:
 * <ol>
 * <li>an unknown or inactive form key: {@link RecordNotFoundException};</li>
 * <li>an {@code Origin} the form does not allow: {@link ForbiddenException} (a post
 * without one, from a server rather than a browser, goes on);</li>
 * <li>more than {@link WebToLeadProperties#postsPerMinute()} posts from the client
 * address to the form this minute: {@link WebLeadReceipt.Outcome#RATE_LIMITED}, counted
 * (the counters are rows in PostgreSQL, so every application node sees the same);</li>
 * <li>the honeypot filled in: {@link WebLeadReceipt.Outcome#SPAM}, answered like a
 * success and counted, nothing stored;</li>
 * <li>invalid fields or the required consent missing: {@link InvalidInputException}
 * naming every field (under the snippet's names);</li>
 * <li>otherwise, in one transaction, the lead ({@link Leads#createFromWebForm}), its
 * membership of the form's campaign as having responded, and the submission with the
 * consent and where it came from.</li>
 * </ol>
 * The rate-limit counter is committed on its own, before anything else is checked, so
 * that invalid posts count too.
 */
@Service
public class WebLeadIntake {

	private static final Logger log = LoggerFactory.getLogger(WebLeadIntake.class);

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final Map<String, String> POST_FIELDS = Map.of("firstName", "first_name", "lastName", "last_name",
			"description", "message");

	private final WebLeadForms forms;

	private final Leads leads;

	private final CampaignMembers members;

	private final UserDirectory users;

	private final PickLists pickLists;

	private final InputValidation validation;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WebToLeadProperties properties;

	private final Clock clock;

	WebLeadIntake(WebLeadForms forms, Leads leads, CampaignMembers members, UserDirectory users, PickLists pickLists,
			InputValidation validation, JdbcClient jdbc, PlatformTransactionManager transactions,
			WebToLeadProperties properties, Clock clock) {
		this.forms = forms;
		this.leads = leads;
		this.members = members;
		this.users = users;
		this.pickLists = pickLists;
		this.validation = validation;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws RecordNotFoundException for a key of no active form
	 * @throws ForbiddenException (field {@code origin}) for a browser post from an origin
	 * the form does not allow
	 * @throws InvalidInputException naming each wrong field, and {@code consent} when the
	 * form requires it and the box was not ticked
	 */
	public WebLeadReceipt receive(String formKey, WebLeadPost post, WebLeadClient client) {
		WebLeadForm form = this.forms.findActive(formKey)
			.orElseThrow(() -> new RecordNotFoundException(WebLeadForms.RECORD_TYPE, "with this key"));
		if (client.origin() != null && !form.allowsOrigin(client.origin())) {
			throw new ForbiddenException("origin", "This form does not take posts from " + client.origin()
					+ "; add it to the form's allowed origins.");
		}
		Instant now = this.clock.instant();
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		long posts = count(form, client.address(), minute);
		if (posts > this.properties.postsPerMinute()) {
			refused(form, now, 0, 1);
			long retryAfter = Math.max(1, Duration.between(now, minute.plus(1, ChronoUnit.MINUTES)).toSeconds());
			return new WebLeadReceipt(WebLeadReceipt.Outcome.RATE_LIMITED, null, retryAfter);
		}
		if (StringUtils.hasText(post.honeypot())) {
			refused(form, now, 1, 0);
			return new WebLeadReceipt(WebLeadReceipt.Outcome.SPAM, form.thankYouUrl(), 0);
		}
		LeadDetails details = validate(form, post);
		UUID owner = details.ownerId();
		if (this.users.find(owner).filter(RecordOwners::isOwner).isEmpty()) {
			log.warn("Web-to-lead form '{}' ({}) refused a post: its owner {} can't own leads; choose another",
					form.name(), form.id(), owner);
			return new WebLeadReceipt(WebLeadReceipt.Outcome.UNAVAILABLE, null, 0);
		}
		this.transactions.executeWithoutResult(status -> store(form, post, client, details, now));
		return new WebLeadReceipt(WebLeadReceipt.Outcome.RECEIVED, form.thankYouUrl(), 0);
	}

	/**
	 * Deletes the rate-limit counters of minutes more than an hour ago.
	 * @return how many were deleted
	 */
	public int pruneRateCounters() {
		return this.jdbc.sql("delete from web_lead_rate_counters where minute < :before")
			.param("before", utc(this.clock.instant().minus(1, ChronoUnit.HOURS)))
			.update();
	}

	private LeadDetails validate(WebLeadForm form, WebLeadPost post) {
		Map<String, String> errors = new LinkedHashMap<>();
		String country = null;
		try {
			country = this.pickLists.resolve("country", "country", post.country(), null);
		}
		catch (InvalidInputException ex) {
			errors.put("country", "Choose a country from the list (a name or a two-letter code such as DE).");
		}
		LeadDetails draft = new LeadDetails(blankToNull(trim(post.firstName())), trim(post.lastName()),
				blankToNull(trim(post.company())), blankToNull(trim(post.title())), blankToNull(trim(post.email())),
				blankToNull(trim(post.phone())), country, form.leadSource(), null, null, null,
				blankToNull(trim(post.message())));
		LeadDetails details = new LeadDetails(draft.firstName(), draft.lastName(), draft.company(), draft.title(),
				draft.email(), draft.phone(), draft.country(), draft.source(), null, null,
				this.forms.ownerFor(form, draft), draft.description());
		this.validation.violations(details).forEach((field, message) -> errors.putIfAbsent(postField(field), message));
		if (form.consentRequired() && !post.consent()) {
			errors.put("consent", "Tick the box to agree to the consent text; this form can't be sent without it.");
		}
		if (errors.containsKey("source") || errors.containsKey("ownerId")) {
			throw new IllegalStateException("Web-to-lead form " + form.id() + " is set up wrongly: " + errors);
		}
		InputValidation.throwIfAny(errors);
		return details;
	}

	private void store(WebLeadForm form, WebLeadPost post, WebLeadClient client, LeadDetails details, Instant now) {
		Lead lead;
		try {
			lead = this.leads.createFromWebForm(details);
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().forEach((field, message) -> errors.put(postField(field), message));
			throw new InvalidInputException(errors);
		}
		if (form.campaignId() != null) {
			this.members.addWebFormResponse(form.campaignId(), lead.id());
		}
		String consentText = form.asksConsent() ? form.consentText() : null;
		this.jdbc.sql("""
				insert into web_lead_submissions (id, form_id, lead_id, submitted_at, consent_given, consent_text,
				  consent_text_sha256, page_url, referrer, user_agent, client_network)
				values (:id, :form, :lead, :now, :consent, :consentText, :consentHash, :pageUrl, :referrer, :userAgent,
				  :network)
				""")
			.param("id", Ids.newId())
			.param("form", form.id())
			.param("lead", lead.id())
			.param("now", utc(now))
			.param("consent", consentText != null && post.consent())
			.param("consentText", consentText)
			.param("consentHash", (consentText != null) ? sha256(consentText) : null)
			.param("pageUrl", cut(post.pageUrl(), 2000))
			.param("referrer", cut(client.referrer(), 2000))
			.param("userAgent", cut(client.userAgent(), 255))
			.param("network", network(client.address()))
			.update();
	}

	/**
	 * Counts the post against its client address (salted with the form's own secret and
	 * hashed in the database, so the counters hold no address) and minute.
	 * @return the posts from the address to the form this minute, this one included
	 */
	private long count(WebLeadForm form, String address, Instant minute) {
		return this.transactions.execute(status -> this.jdbc.sql("""
				insert into web_lead_rate_counters (form_id, client_hash, minute, posts)
				select f.id, encode(sha256(f.address_salt || convert_to(:address, 'UTF8')), 'hex'), :minute, 1
				from web_lead_forms f where f.id = :form
				on conflict (form_id, client_hash, minute) do update set posts = web_lead_rate_counters.posts + 1
				returning posts
				""")
			.param("form", form.id())
			.param("address", String.valueOf(address))
			.param("minute", utc(minute))
			.query(Long.class)
			.single());
	}

	private void refused(WebLeadForm form, Instant now, int spam, int rateLimited) {
		this.transactions.executeWithoutResult(status -> this.jdbc.sql("""
				insert into web_lead_refusals (form_id, day, spam, rate_limited) values (:form, :day, :spam, :limited)
				on conflict (form_id, day) do update set spam = web_lead_refusals.spam + excluded.spam,
				  rate_limited = web_lead_refusals.rate_limited + excluded.rate_limited
				""")
			.param("form", form.id())
			.param("day", now.atOffset(ZoneOffset.UTC).toLocalDate())
			.param("spam", spam)
			.param("limited", rateLimited)
			.update());
	}

	private static String postField(String field) {
		return POST_FIELDS.getOrDefault(field, field);
	}

	/**
	 * @return the address's network, never the whole address: IPv4 to its /24
	 * ({@code 203.0.113.0/24}), IPv6 to its /48; {@code null} for what is no address
	 */
	static String network(String address) {
		if (address == null || !IP_LITERAL.matcher(address).matches()) {
			return null;
		}
		try {
			// a literal only (checked above), so this never looks a name up
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 4) {
				return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
			}
			return String.format("%x:%x:%x::/48", ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
					((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff), ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String cut(String text, int max) {
		String value = blankToNull(trim(text));
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
