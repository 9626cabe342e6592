package dev.bellwether.marketing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.customers.PossibleDuplicate;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Converts a lead, in one step and one transaction, into an account, a contact and (if
 * asked) a deal — finding the account its company already is (same normalised name or web
 * domain) and the contact its e-mail address already is, rather than making duplicates —
 * and carries its campaign memberships over to the contact, touches and all.
 */
@Service
@Transactional(readOnly = true)
public class LeadConversions {

	/** Addresses at these domains say nothing about the company. */
	private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
			"outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "gmx.com", "gmx.de", "gmx.net",
			"web.de", "proton.me", "protonmail.com", "mail.com", "yandex.com", "yandex.ru", "zoho.com");

	private final Leads leads;

	private final Accounts accounts;

	private final Contacts contacts;

	private final CustomerDuplicates duplicates;

	private final Opportunities opportunities;

	private final PipelineStages stages;

	private final UserDirectory users;

	private final RecordVisibility visibility;

	private final JdbcClient jdbc;

	private final Clock clock;

	LeadConversions(Leads leads, Accounts accounts, Contacts contacts, CustomerDuplicates duplicates,
			Opportunities opportunities, PipelineStages stages, UserDirectory users, RecordVisibility visibility,
			JdbcClient jdbc, Clock clock) {
		this.leads = leads;
		this.accounts = accounts;
		this.contacts = contacts;
		this.duplicates = duplicates;
		this.opportunities = opportunities;
		this.stages = stages;
		this.users = users;
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What converting the lead would find: the accounts its company matches and the
	 * contacts its e-mail address matches (those the user may not see are said to exist,
	 * never named).
	 */
	public record Matches(List<PossibleDuplicate> accounts, List<PossibleDuplicate> contacts) {
	}

	public Matches matches(Viewer viewer, UUID leadId) {
		Lead lead = this.leads.get(viewer, leadId);
		return new Matches(accountMatches(viewer, lead), contactMatches(viewer, lead, null));
	}

	/**
	 * @throws InvalidInputException naming what stops the conversion: a lead converted or
	 * disqualified already, no company, an owner who can't own accounts, several accounts
	 * matching (choose one), one the user may not see, a deal without a close date
	 * @throws dev.bellwether.platform.RecordNotFoundException for a lead or a chosen
	 * account the user may not see
	 * @throws dev.bellwether.platform.StaleRecordException for a lead changed since
	 */
	@Transactional
	public LeadConverted convert(Viewer viewer, UUID leadId, LeadConversion request) {
		Lead lead = this.leads.get(viewer, leadId);
		this.visibility.requireEdit(viewer, Leads.ACCESS, lead.ownerId());
		if (lead.isConverted()) {
			throw new InvalidInputException("lead",
					lead.fullName() + " was converted already, on "
							+ lead.convertedAt().atZone(this.clock.getZone()).toLocalDate()
							+ ": open the account and contact it became.");
		}
		if (lead.status() == LeadStatus.DISQUALIFIED) {
			throw new InvalidInputException("status",
					lead.fullName() + " is disqualified: reopen the lead before converting it.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		UUID owner = owner(lead, request, errors);
		if (request.createOpportunity() && request.closeDate() == null) {
			errors.put("closeDate", "Enter the deal's expected close date.");
		}
		if (request.accountId() == null && !StringUtils.hasText(lead.company())) {
			errors.put("accountId", "The lead has no company: enter one on the lead, or choose an account.");
		}
		dev.bellwether.platform.InputValidation.throwIfAny(errors);

		boolean accountCreated = false;
		UUID accountId = request.accountId();
		if (accountId != null) {
			this.accounts.get(viewer, accountId); // one the user may see
		}
		else {
			accountId = matchedAccount(viewer, lead);
			if (accountId == null) {
				Account account = this.accounts.create(viewer,
						new AccountDetails(lead.company().trim(), websiteOf(lead.email()), null, null, null, null, null,
								null, lead.country(), null, null, null, owner, null));
				accountId = account.id();
				accountCreated = true;
			}
		}

		boolean contactCreated = false;
		UUID contactId = matchedContact(viewer, lead, accountId);
		if (contactId == null) {
			Contact contact = this.contacts.create(viewer, new ContactDetails(lead.firstName(), lead.lastName(),
					lead.title(), lead.email(), lead.phone(), null, accountId, owner));
			contactId = contact.id();
			contactCreated = true;
		}

		UUID opportunityId = null;
		if (request.createOpportunity()) {
			UUID stage = request.stageId() != null ? request.stageId() : firstOpenStage();
			String name = StringUtils.hasText(request.opportunityName()) ? request.opportunityName().trim()
					: (StringUtils.hasText(lead.company()) ? lead.company().trim() + " – " : "") + lead.fullName();
			opportunityId = this.opportunities
				.create(viewer,
						new OpportunityDetails(name, accountId, contactId, owner, stage, request.amount(), false,
								request.closeDate(), null, null, null, lead.source(), null, null))
				.id();
		}
		this.leads.markConverted(viewer, lead, request.leadVersion(), accountId, contactId, opportunityId);
		int carried = carryCampaigns(viewer, lead.id(), contactId);
		return new LeadConverted(lead.id(), accountId, accountCreated, contactId, contactCreated, opportunityId,
				carried);
	}

	private UUID owner(Lead lead, LeadConversion request, Map<String, String> errors) {
		UUID owner = request.ownerId() != null ? request.ownerId() : lead.ownerId();
		User user = this.users.find(owner).orElse(null);
		if (user == null || !RecordOwners.isOwner(user)) {
			errors.put("ownerId", (user == null ? "That person" : user.fullName())
					+ " can't own accounts and deals: choose a sales person to own what the lead becomes.");
		}
		return owner;
	}

	private List<PossibleDuplicate> accountMatches(Viewer viewer, Lead lead) {
		if (!StringUtils.hasText(lead.company())) {
			return List.of();
		}
		return this.duplicates.forNewAccount(viewer, lead.company(), websiteOf(lead.email()));
	}

	private List<PossibleDuplicate> contactMatches(Viewer viewer, Lead lead, UUID accountId) {
		if (!StringUtils.hasText(lead.email())) {
			return List.of();
		}
		return this.duplicates.forNewContact(viewer, lead.email(), lead.firstName(), lead.lastName(), accountId)
			.stream()
			.filter(match -> match.reason().contains("EMAIL"))
			.toList();
	}

	/**
	 * @return the account the lead's company is (by name, else by domain), or
	 * {@code null} for none
	 */
	private UUID matchedAccount(Viewer viewer, Lead lead) {
		List<PossibleDuplicate> matches = accountMatches(viewer, lead);
		if (matches.isEmpty()) {
			return null;
		}
		if (matches.stream().anyMatch(PossibleDuplicate::hidden)) {
			throw new InvalidInputException("accountId", "An account like " + lead.company()
					+ " exists that you may not see: ask its owner or a sales administrator to convert the lead.");
		}
		List<PossibleDuplicate> byName = matches.stream().filter(m -> m.reason().contains("NAME")).toList();
		List<PossibleDuplicate> chosen = byName.isEmpty() ? matches : byName;
		if (chosen.size() > 1) {
			throw new InvalidInputException("accountId", chosen.size() + " accounts match " + lead.company() + " ("
					+ String.join(", ", chosen.stream().map(PossibleDuplicate::name).toList()) + "): choose one.");
		}
		return chosen.get(0).id();
	}

	/**
	 * @return the contact the lead's e-mail address already is, or {@code null}
	 */
	private UUID matchedContact(Viewer viewer, Lead lead, UUID accountId) {
		List<PossibleDuplicate> matches = contactMatches(viewer, lead, accountId);
		if (matches.isEmpty()) {
			return null;
		}
		if (matches.stream().anyMatch(PossibleDuplicate::hidden)) {
			throw new InvalidInputException("lead", "A contact with the address " + lead.email()
					+ " exists that you may not see: ask its owner or a sales administrator to convert the lead.");
		}
		return matches.get(0).id();
	}

	private UUID firstOpenStage() {
		return this.stages.active()
			.stream()
			.filter(PipelineStage::isOpen)
			.findFirst()
			.map(PipelineStage::id)
			.orElseThrow(() -> new InvalidInputException("stageId", "The pipeline has no open stage."));
	}

	/**
	 * Makes the contact a member of every campaign the lead was, with the lead's status
	 * and the times it reached each (a membership the contact has already is left).
	 * @return how many memberships were carried over
	 */
	private int carryCampaigns(Viewer viewer, UUID leadId, UUID contactId) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<UUID> memberships = this.jdbc
			.sql("select id from campaign_members where member_type = 'LEAD' and member_id = :leadId order by id")
			.param("leadId", leadId)
			.query(UUID.class)
			.list();
		int carried = 0;
		for (UUID membership : memberships) {
			carried += this.jdbc.sql("""
					insert into campaign_members (id, campaign_id, member_type, member_id, status, sent_at, opened_at,
					  responded_at, attended_at, created_at, created_by, updated_at, updated_by, version)
					select :id, m.campaign_id, 'CONTACT', :contactId, m.status, m.sent_at, m.opened_at, m.responded_at,
					  m.attended_at, :now, :actor, :now, :actor, 0
					from campaign_members m where m.id = :membership
					on conflict (campaign_id, member_type, member_id) do nothing
					""")
				.param("id", Ids.newId())
				.param("contactId", contactId)
				.param("membership", membership)
				.param("now", now)
				.param("actor", viewer.id())
				.update();
		}
		return carried;
	}

	/**
	 * @return the company's web site as the lead's e-mail domain says, unless it is a
	 * free mail service's
	 */
	static String websiteOf(String email) {
		if (!StringUtils.hasText(email) || !email.contains("@")) {
			return null;
		}
		String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
		return domain.contains(".") && !FREE_MAIL.contains(domain) ? domain : null;
	}

}
