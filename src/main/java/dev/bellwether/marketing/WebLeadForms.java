package dev.bellwether.marketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * Web-to-lead forms: administrators and marketing users set them up ({@link #MANAGERS});
 * the public endpoint ({@link WebLeadIntake}) finds them by their key. A key is 192
 * random bits, URL-safe, and can be replaced at any time (the old one stops working at
 * once, so a leaked snippet can be cut off).
 */
@Service
@Transactional(readOnly = true)
public class WebLeadForms {

	public static final String RECORD_TYPE = "web lead form";

	/** Who sets forms up, sees their figures and their keys. */
	public static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.MARKETING);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int KEY_BYTES = 24;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Campaigns campaigns;

	private final PickLists pickLists;

	private final InputValidation validation;

	private final Clock clock;

	WebLeadForms(JdbcClient jdbc, UserDirectory users, Campaigns campaigns, PickLists pickLists,
			InputValidation validation, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.campaigns = campaigns;
		this.pickLists = pickLists;
		this.validation = validation;
		this.clock = clock;
	}

	public boolean canManage(Viewer viewer) {
		return MANAGERS.contains(viewer.role());
	}

	/** Every form, by name. */
	public List<WebLeadForm> list(Viewer viewer) {
		requireManage(viewer);
		return this.jdbc.sql("select f.* from web_lead_forms f order by lower(f.name), f.id")
			.query(WebLeadForms::map)
			.list();
	}

	public WebLeadForm get(Viewer viewer, UUID id) {
		requireManage(viewer);
		return load(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * The owner of a lead the form creates: the form's owner for now. Assignment rules
	 * (round-robin, by country, by source) take their place here.
	 */
	UUID ownerFor(WebLeadForm form, LeadDetails details) {
		return form.ownerId();
	}

	/**
	 * @return the form with this public key, if it is active
	 */
	Optional<WebLeadForm> findActive(String publicKey) {
		if (!StringUtils.hasText(publicKey) || publicKey.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("select f.* from web_lead_forms f where f.public_key = :key and f.active")
			.param("key", publicKey)
			.query(WebLeadForms::map)
			.optional();
	}

	/**
	 * Whether a browser on this origin may post to the active form with this key (for
	 * CORS preflight requests).
	 */
	public boolean acceptsBrowserPostsFrom(String publicKey, String origin) {
		return findActive(publicKey).map(form -> form.allowsOrigin(origin)).orElse(false);
	}

	@Transactional
	public WebLeadForm create(Viewer viewer, WebLeadFormDetails input) {
		requireManage(viewer);
		WebLeadFormDetails details = validate(viewer, input, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		this.jdbc.sql("""
				insert into web_lead_forms (id, name, public_key, address_salt, allowed_origins, active, lead_source,
				  campaign_id, consent_text, consent_required, thank_you_url, owner_id, created_at, created_by,
				  updated_at, updated_by, version)
				values (:id, :name, :key, :salt, cast(:origins as text[]), :active, :source, :campaign, :consentText,
				  :consentRequired, :thankYouUrl, :owner, :now, :actor, :now, :actor, 0)
				""")
			.params(columns(details))
			.param("id", id)
			.param("key", newKey())
			.param("salt", salt)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		return load(id).orElseThrow();
	}

	/**
	 * Saves the form's settings, based on the version the editor read; deactivating is
	 * saving it with {@code active} off (its key then answers 404 until it is active
	 * again).
	 * @throws dev.bellwether.platform.StaleRecordException when it changed since
	 */
	@Transactional
	public WebLeadForm update(Viewer viewer, UUID id, long expectedVersion, WebLeadFormDetails input) {
		WebLeadForm before = get(viewer, id);
		WebLeadFormDetails details = validate(viewer, input, before);
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version()).run(this.jdbc.sql("""
				update web_lead_forms set name = :name, allowed_origins = cast(:origins as text[]),
				  active = :active, lead_source = :source, campaign_id = :campaign, consent_text = :consentText,
				  consent_required = :consentRequired, thank_you_url = :thankYouUrl, owner_id = :owner,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""").params(columns(details)), viewer.id(), this.clock.instant());
		return load(id).orElseThrow();
	}

	/**
	 * Gives the form a new public key; the old one answers 404 from now on, so every copy
	 * of the snippet must be replaced.
	 */
	@Transactional
	public WebLeadForm rotateKey(Viewer viewer, UUID id, long expectedVersion) {
		WebLeadForm before = get(viewer, id);
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version()).run(this.jdbc.sql("""
				update web_lead_forms set public_key = :key, key_rotated_at = :now, updated_at = :now,
				  updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""").param("key", newKey()), viewer.id(), this.clock.instant());
		return load(id).orElseThrow();
	}

	/** The figures of each form, by form id. */
	public Map<UUID, WebLeadFormCounts> counts(Viewer viewer) {
		requireManage(viewer);
		Map<UUID, WebLeadFormCounts> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select f.id,
				  (select count(*) from web_lead_submissions s where s.form_id = f.id),
				  coalesce((select sum(r.spam) from web_lead_refusals r where r.form_id = f.id), 0),
				  coalesce((select sum(r.rate_limited) from web_lead_refusals r where r.form_id = f.id), 0)
				from web_lead_forms f
				""")
			.query((rs, n) -> counts.put(rs.getObject(1, UUID.class),
					new WebLeadFormCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		return counts;
	}

	/**
	 * How the lead came through web forms, oldest first; empty for a lead that did not,
	 * or one the viewer may not read.
	 */
	public List<WebLeadSubmission> submissionsOf(UUID leadId) {
		return this.jdbc.sql("""
				select s.*, f.name as form_name from web_lead_submissions s join web_lead_forms f on f.id = s.form_id
				where s.lead_id = :lead order by s.submitted_at, s.id
				""")
			.param("lead", leadId)
			.query((rs, n) -> new WebLeadSubmission(rs.getObject("id", UUID.class), rs.getObject("form_id", UUID.class),
					rs.getString("form_name"), rs.getObject("lead_id", UUID.class), instant(rs, "submitted_at"),
					rs.getBoolean("consent_given"), rs.getString("consent_text"), rs.getString("consent_text_sha256"),
					rs.getString("page_url"), rs.getString("referrer"), rs.getString("user_agent"),
					rs.getString("client_network")))
			.list();
	}

	/** The secret that salts the client addresses the form's rate limit counts. */
	byte[] addressSalt(UUID formId) {
		return this.jdbc.sql("select address_salt from web_lead_forms where id = :id")
			.param("id", formId)
			.query(byte[].class)
			.single();
	}

	private void requireManage(Viewer viewer) {
		if (!canManage(viewer)) {
			throw new ForbiddenException("Only administrators and marketing users manage web-to-lead forms.");
		}
	}

	private WebLeadFormDetails validate(Viewer viewer, WebLeadFormDetails input, WebLeadForm before) {
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(input));
		Set<String> origins = new LinkedHashSet<>();
		List<String> wrong = new ArrayList<>();
		for (String origin : input.allowedOrigins()) {
			if (!StringUtils.hasText(origin)) {
				continue;
			}
			WebLeadOrigins.normalise(origin).ifPresentOrElse(origins::add, () -> wrong.add(origin.trim()));
		}
		if (!wrong.isEmpty()) {
			errors.putIfAbsent("allowedOrigins", "Write each origin as https://host or https://host:port, no path ("
					+ String.join(", ", wrong) + " is not one).");
		}
		String source = null;
		try {
			source = this.pickLists.resolve(Leads.SOURCES, "leadSource", input.leadSource(),
					(before == null) ? null : before.leadSource());
		}
		catch (InvalidInputException ex) {
			ex.fieldErrors().forEach(errors::putIfAbsent);
		}
		if (input.campaignId() != null) {
			try {
				this.campaigns.get(viewer, input.campaignId());
			}
			catch (RecordNotFoundException ex) {
				errors.putIfAbsent("campaignId", "There is no campaign with id " + input.campaignId() + ".");
			}
		}
		String consentText = blankToNull(trim(input.consentText()));
		if (input.consentRequired() && consentText == null) {
			errors.putIfAbsent("consentText", "Enter the consent text the visitor must agree to.");
		}
		String thankYouUrl = blankToNull(trim(input.thankYouUrl()));
		if (thankYouUrl != null && !isAbsoluteWebAddress(thankYouUrl)) {
			errors.putIfAbsent("thankYouUrl", "Enter an absolute address such as https://example.com/thanks.");
		}
		if (input.ownerId() != null) {
			Optional<User> owner = this.users.find(input.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + input.ownerId() + ".");
			}
			else if (!RecordOwners.isOwner(owner.get())) {
				errors.putIfAbsent("ownerId",
						owner.get().fullName()
								+ " can't own leads: leads belong to active sales people, not to administrators, "
								+ "integration accounts, marketing or service users.");
			}
		}
		InputValidation.throwIfAny(errors);
		return new WebLeadFormDetails(input.name().trim(), List.copyOf(origins), input.active(), source,
				input.campaignId(), consentText, input.consentRequired(), thankYouUrl, input.ownerId());
	}

	static boolean isAbsoluteWebAddress(String text) {
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static Map<String, Object> columns(WebLeadFormDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", details.name());
		columns.put("origins", SqlArrays.of(details.allowedOrigins()));
		columns.put("active", details.active());
		columns.put("source", details.leadSource());
		columns.put("campaign", details.campaignId());
		columns.put("consentText", details.consentText());
		columns.put("consentRequired", details.consentRequired());
		columns.put("thankYouUrl", details.thankYouUrl());
		columns.put("owner", details.ownerId());
		return columns;
	}

	private static String newKey() {
		byte[] bytes = new byte[KEY_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	Optional<WebLeadForm> load(UUID id) {
		return this.jdbc.sql("select f.* from web_lead_forms f where f.id = :id")
			.param("id", id)
			.query(WebLeadForms::map)
			.optional();
	}

	static WebLeadForm map(ResultSet rs, int row) throws SQLException {
		Array origins = rs.getArray("allowed_origins");
		List<String> allowed = (origins == null) ? List.of() : List.of((String[]) origins.getArray());
		return new WebLeadForm(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("public_key"),
				allowed, rs.getBoolean("active"), rs.getString("lead_source"), rs.getObject("campaign_id", UUID.class),
				rs.getString("consent_text"), rs.getBoolean("consent_required"), rs.getString("thank_you_url"),
				rs.getObject("owner_id", UUID.class), instant(rs, "key_rotated_at"), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), rs.getLong("version"));
	}

}
