package dev.bellwether.marketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The leads and contacts in a campaign. Members are added many at a time (ids, or the
 * e-mail addresses of a file, matched to contacts through the customers module), each
 * with its outcome; a member's status only moves forward, and the time each status was
 * first reached is kept for attribution.
 * <p>
 * Contacts are checked to exist through {@link CustomerLookups}. Lead ids are taken as
 * sent: the leads' table arrives with the leads feature of this module.
 */
@Service
@Transactional(readOnly = true)
public class CampaignMembers {

	public static final String RECORD_TYPE = "campaign member";

	/** The most ids or e-mail addresses one addition takes. */
	public static final int MAX_PER_ADDITION = 10_000;

	private static final PagedQuery PAGED = new PagedQuery("select m.* from campaign_members m",
			"from campaign_members m");

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final CustomerLookups customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Leads leads;

	CampaignMembers(JdbcClient jdbc, Campaigns campaigns, CustomerLookups customers, Leads leads,
			ApplicationEventPublisher events, Clock clock) {
		this.leads = leads;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.customers = customers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param status only members at this status, or all
	 */
	public Page<CampaignMember> list(Viewer viewer, UUID campaignId, CampaignMemberStatus status, Pageable pageable) {
		this.campaigns.get(viewer, campaignId);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("campaign", campaignId);
		String where = "m.campaign_id = :campaign";
		if (status != null) {
			params.put("status", status.name());
			where += " and m.status = :status";
		}
		return PAGED.fetch(this.jdbc, where, params, "m.created_at desc, m.id", pageable, CampaignMembers::map);
	}

	/**
	 * @return how many members are at each status now, every status present
	 */
	public Map<CampaignMemberStatus, Long> statusCounts(Viewer viewer, UUID campaignId) {
		this.campaigns.get(viewer, campaignId);
		Map<CampaignMemberStatus, Long> counts = new EnumMap<>(CampaignMemberStatus.class);
		for (CampaignMemberStatus status : CampaignMemberStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from campaign_members where campaign_id = :id group by status")
			.param("id", campaignId)
			.query((rs, n) -> counts.put(CampaignMemberStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Adds the leads or contacts to the campaign at the status given (the time it was
	 * reached: now).
	 * @param status {@code null} for {@link CampaignMemberStatus#SENT}
	 * @return one outcome per distinct id, in the order sent
	 */
	@Transactional
	public List<CampaignMemberAddition> add(Viewer viewer, UUID campaignId, CampaignMemberType type, List<UUID> ids,
			CampaignMemberStatus status) {
		Campaign campaign = editable(viewer, campaignId);
		if (type == null) {
			throw new InvalidInputException("memberType", "Say whether the ids are of leads or of contacts.");
		}
		Set<UUID> wanted = new LinkedHashSet<>(ids == null ? List.of() : ids);
		wanted.remove(null);
		requireSize("memberIds", wanted.size(), "ids");
		Set<UUID> found = (type == CampaignMemberType.CONTACT) ? this.customers.existingContacts(wanted)
				: this.leads.namesOf(viewer, wanted).keySet();
		Map<UUID, UUID> added = insert(viewer.id(), campaign, type, wanted.stream().filter(found::contains).toList(),
				status == null ? CampaignMemberStatus.SENT : status);
		Map<UUID, UUID> memberships = membershipsOf(campaignId, type, wanted);
		List<CampaignMemberAddition> outcomes = new ArrayList<>();
		for (UUID id : wanted) {
			outcomes.add(outcome(id.toString(), type, id, found.contains(id), added, memberships));
		}
		return outcomes;
	}

	/**
	 * Adds the contacts with these e-mail addresses (case-insensitively; an address
	 * several contacts share adds them all).
	 * @return one outcome per distinct address and contact, in the order sent
	 */
	@Transactional
	public List<CampaignMemberAddition> addByEmail(Viewer viewer, UUID campaignId, List<String> emails,
			CampaignMemberStatus status) {
		return addByEmail(viewer, campaignId, CampaignMemberType.CONTACT, emails, status);
	}

	/**
	 * Adds the contacts, or the leads the viewer may see, with these e-mail addresses
	 * (case-insensitively; an address several share adds them all).
	 * @param type whose addresses they are; {@code null} for contacts
	 * @return one outcome per distinct address and member, in the order sent
	 */
	@Transactional
	public List<CampaignMemberAddition> addByEmail(Viewer viewer, UUID campaignId, CampaignMemberType type,
			List<String> emails, CampaignMemberStatus status) {
		CampaignMemberType memberType = (type == null) ? CampaignMemberType.CONTACT : type;
		Campaign campaign = editable(viewer, campaignId);
		Set<String> wanted = new LinkedHashSet<>();
		for (String email : emails == null ? List.<String>of() : emails) {
			String key = CustomerLookups.key(email);
			if (key != null) {
				wanted.add(key);
			}
		}
		requireSize("emails", wanted.size(), "e-mail addresses");
		Map<String, List<UUID>> people = (memberType == CampaignMemberType.LEAD) ? this.leads.idsByEmail(viewer, wanted)
				: this.customers.contactsByEmail(wanted);
		List<UUID> ids = people.values().stream().flatMap(List::stream).distinct().toList();
		Map<UUID, UUID> added = insert(viewer.id(), campaign, memberType, ids,
				status == null ? CampaignMemberStatus.SENT : status);
		Map<UUID, UUID> memberships = membershipsOf(campaignId, memberType, ids);
		List<CampaignMemberAddition> outcomes = new ArrayList<>();
		for (String email : wanted) {
			List<UUID> matched = people.getOrDefault(email, List.of());
			if (matched.isEmpty()) {
				outcomes.add(new CampaignMemberAddition(email, memberType, null, null,
						CampaignMemberAddition.Outcome.NOT_FOUND));
			}
			for (UUID id : matched) {
				outcomes.add(outcome(email, memberType, id, true, added, memberships));
			}
		}
		return outcomes;
	}

	/**
	 * Moves the member on to a later status, reached at the given time; the times of the
	 * statuses reached before are kept.
	 * @param at when it was reached, {@code null} for now; not in the future
	 * @throws InvalidInputException for a status before the member's own
	 */
	@Transactional
	public CampaignMember changeStatus(Viewer viewer, UUID campaignId, UUID campaignMemberId,
			CampaignMemberStatus status, Instant at) {
		editable(viewer, campaignId);
		CampaignMember member = get(campaignId, campaignMemberId);
		Instant now = this.clock.instant();
		if (status == null) {
			throw new InvalidInputException("status", "Choose the member's status.");
		}
		if (at != null && at.isAfter(now)) {
			throw new InvalidInputException("at", "A status can't be reached in the future.");
		}
		if (status.compareTo(member.status()) < 0) {
			throw new InvalidInputException("status", "This member is at " + member.status().label().toLowerCase()
					+ " already; a member's status only moves forward (sent, opened, responded, attended).");
		}
		// the column is the enum's own, never the request's text
		this.jdbc
			.sql("update campaign_members set status = :status, " + status.column() + " = coalesce(" + status.column()
					+ ", :at), updated_at = :now, updated_by = :actor, version = version + 1 " + "where id = :id")
			.param("status", status.name())
			.param("at", utc(at == null ? now : at))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("id", campaignMemberId)
			.update();
		return get(campaignId, campaignMemberId);
	}

	/**
	 * Adds a lead that came through a web form to the form's campaign as having responded
	 * (see {@link WebLeadIntake}): no person added it, so the membership's creator stays
	 * empty. A campaign that no longer exists is left alone.
	 * @return whether the lead is a member now
	 */
	@Transactional
	boolean addWebFormResponse(UUID campaignId, UUID leadId) {
		return this.campaigns.load(campaignId).map(campaign -> {
			insert(null, campaign, CampaignMemberType.LEAD, List.of(leadId), CampaignMemberStatus.RESPONDED);
			return true;
		}).orElse(false);
	}

	@Transactional
	public void remove(Viewer viewer, UUID campaignId, UUID campaignMemberId) {
		Campaign campaign = editable(viewer, campaignId);
		long before = count(campaignId);
		int removed = this.jdbc.sql("delete from campaign_members where id = :id and campaign_id = :campaign")
			.param("id", campaignMemberId)
			.param("campaign", campaignId)
			.update();
		if (removed == 0) {
			throw new RecordNotFoundException(RECORD_TYPE, campaignMemberId);
		}
		publishCount(viewer.id(), campaign, before, before - 1);
	}

	private CampaignMember get(UUID campaignId, UUID campaignMemberId) {
		return this.jdbc.sql("select m.* from campaign_members m where m.id = :id and m.campaign_id = :campaign")
			.param("id", campaignMemberId)
			.param("campaign", campaignId)
			.query(CampaignMembers::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, campaignMemberId));
	}

	private Campaign editable(Viewer viewer, UUID campaignId) {
		Campaign campaign = this.campaigns.get(viewer, campaignId);
		this.campaigns.requireEdit(viewer, campaign);
		return campaign;
	}

	private static void requireSize(String field, int size, String what) {
		if (size == 0) {
			throw new InvalidInputException(field, "Send at least one of the " + what + " to add.");
		}
		if (size > MAX_PER_ADDITION) {
			throw new InvalidInputException(field, "Add at most " + String.format("%,d", MAX_PER_ADDITION) + " " + what
					+ " at a time; this was " + String.format("%,d", size) + ".");
		}
	}

	/**
	 * @return the memberships added, by member id (those in the campaign already are left
	 * as they are)
	 */
	private Map<UUID, UUID> insert(UUID actor, Campaign campaign, CampaignMemberType type, List<UUID> memberIds,
			CampaignMemberStatus status) {
		Map<UUID, UUID> added = new HashMap<>();
		if (memberIds.isEmpty()) {
			return added;
		}
		long before = count(campaign.id());
		List<UUID> rowIds = memberIds.stream().map(id -> Ids.newId()).toList();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into campaign_members (id, campaign_id, member_type, member_id, status, " + status.column()
					+ ", created_at, created_by, updated_at, updated_by, version) "
					+ "select r.id, :campaign, :type, r.member_id, :status, :now, :now, :actor, :now, :actor, 0 "
					+ "from unnest(cast(:rowIds as uuid[]), cast(:memberIds as uuid[])) as r(id, member_id) "
					+ "on conflict (campaign_id, member_type, member_id) do nothing returning member_id, id")
			.param("campaign", campaign.id())
			.param("type", type.name())
			.param("status", status.name())
			.param("now", utc(now))
			.param("actor", actor)
			.param("rowIds", SqlArrays.of(rowIds))
			.param("memberIds", SqlArrays.of(memberIds))
			.query((rs, n) -> added.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		publishCount(actor, campaign, before, before + added.size());
		return added;
	}

	private Map<UUID, UUID> membershipsOf(UUID campaignId, CampaignMemberType type, Collection<UUID> memberIds) {
		Map<UUID, UUID> memberships = new HashMap<>();
		if (!memberIds.isEmpty()) {
			this.jdbc
				.sql("select member_id, id from campaign_members where campaign_id = :campaign and member_type = :type"
						+ " and member_id = any(cast(:ids as uuid[]))")
				.param("campaign", campaignId)
				.param("type", type.name())
				.param("ids", SqlArrays.of(memberIds))
				.query((rs, n) -> memberships.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
				.list();
		}
		return memberships;
	}

	private static CampaignMemberAddition outcome(String input, CampaignMemberType type, UUID id, boolean found,
			Map<UUID, UUID> added, Map<UUID, UUID> memberships) {
		if (!found) {
			return new CampaignMemberAddition(input, type, null, null, CampaignMemberAddition.Outcome.NOT_FOUND);
		}
		return new CampaignMemberAddition(input, type, id, memberships.get(id), added.containsKey(id)
				? CampaignMemberAddition.Outcome.ADDED : CampaignMemberAddition.Outcome.ALREADY_MEMBER);
	}

	private long count(UUID campaignId) {
		return this.jdbc.sql("select count(*) from campaign_members where campaign_id = :id")
			.param("id", campaignId)
			.query(Long.class)
			.single();
	}

	/** The campaign's member count, in its field history, when it changed. */
	private void publishCount(UUID actor, Campaign campaign, long before, long after) {
		List<FieldChange> changes = new FieldChange.Diff().compare("members", before, after).changes();
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(Campaigns.RECORD_TYPE, campaign.id(), ChangeKind.UPDATED, actor,
					this.clock.instant(), changes));
		}
	}

	static CampaignMember map(ResultSet rs, int row) throws SQLException {
		return new CampaignMember(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				CampaignMemberType.valueOf(rs.getString("member_type")), rs.getObject("member_id", UUID.class),
				CampaignMemberStatus.valueOf(rs.getString("status")), instant(rs, "sent_at"), instant(rs, "opened_at"),
				instant(rs, "responded_at"), instant(rs, "attended_at"), instant(rs, "created_at"),
				rs.getLong("version"));
	}

}
