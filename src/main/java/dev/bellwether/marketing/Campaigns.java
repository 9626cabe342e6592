package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * Campaigns and their hierarchy: every read goes through {@link #ACCESS} and
 * {@link RecordVisibility}; every change is checked, versioned and published as a
 * {@link RecordChanged}. Cost lines are {@link CampaignCosts}', members
 * {@link CampaignMembers}'.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

	public static final String RECORD_TYPE = "campaign";

	/** The pick list of campaign types (administrators edit it). */
	public static final String TYPE_LIST = "campaign-type";

	/**
	 * Marketing, sales administrators, executives and administrators see every campaign;
	 * managers and reps read them too (until attribution narrows that to the campaigns
	 * their deals were influenced by); marketing, sales administrators and administrators
	 * change them.
	 */
	public static final AccessPolicy ACCESS = AccessPolicy.ownerChainRecord(RECORD_TYPE,
			EnumSet.of(Role.MARKETING, Role.SALES_ADMIN, Role.EXECUTIVE, Role.ADMIN, Role.MANAGER, Role.REP),
			EnumSet.of(Role.MARKETING, Role.SALES_ADMIN, Role.ADMIN));

	/** How deep a hierarchy is followed: far beyond any real one, a guard only. */
	private static final int MAX_DEPTH = 50;

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(c.name)", "status", "c.status", "type",
			"c.campaign_type", "startDate", "c.start_date", "endDate", "c.end_date", "budget", "c.budget", "actualCost",
			"actual_cost", "createdAt", "c.created_at", "updatedAt", "c.updated_at");

	private static final PagedQuery PAGED = new PagedQuery("""
			select c.*, p.name as parent_name,
			  (select coalesce(sum(k.amount), 0) from campaign_costs k where k.campaign_id = c.id) as actual_cost
			from campaigns c left join campaigns p on p.id = c.parent_id
			""", "from campaigns c");

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final UserDirectory users;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PickLists pickLists;

	private final String currency;

	Campaigns(JdbcClient jdbc, RecordVisibility visibility, UserDirectory users, InputValidation validation,
			ApplicationEventPublisher events, Clock clock, PickLists pickLists,
			@Value("${bellwether.sales.currency:USD}") String currency) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.users = users;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.pickLists = pickLists;
		this.currency = currency;
	}

	/**
	 * @throws RecordNotFoundException when it does not exist or the viewer may not read
	 * it
	 */
	public Campaign get(Viewer viewer, UUID id) {
		Campaign campaign = load(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		this.visibility.requireRead(viewer, ACCESS, id, campaign.ownerId());
		return campaign;
	}

	public boolean canEdit(Viewer viewer, Campaign campaign) {
		return this.visibility.canEdit(viewer, ACCESS, campaign.ownerId());
	}

	/** Whether the viewer may create campaigns at all (and see the "New" button). */
	public boolean canCreate(Viewer viewer) {
		return ACCESS.editsAll().contains(viewer.role());
	}

	/**
	 * @throws dev.bellwether.platform.ForbiddenException when the viewer may read but not
	 * change the campaign
	 */
	void requireEdit(Viewer viewer, Campaign campaign) {
		this.visibility.requireEdit(viewer, ACCESS, campaign.ownerId());
	}

	public Page<Campaign> list(Viewer viewer, CampaignFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		SqlFilter visible = this.visibility.readFilter(viewer, ACCESS, "c.owner_id");
		ListConditions where = new ListConditions(params).add("true")
			.add(visible.sql(), visible.parameters())
			.containing(filter.query(), "lower(c.name) like :q")
			.when(filter.status(), "c.status = :status", "status")
			.when(!StringUtils.hasText(filter.type()) ? null
					: this.pickLists.find(TYPE_LIST, filter.type()).map(v -> v.key()).orElse(filter.type().trim()),
					"c.campaign_type = :type", "type");
		if (filter.year() != null) {
			// running at some time in the year: started by its end and ended (or not
			// ended) after its start
			params.put("yearStart", LocalDate.of(filter.year(), 1, 1));
			params.put("yearEnd", LocalDate.of(filter.year(), 12, 31));
			where.add(
					"coalesce(c.start_date, c.end_date) <= :yearEnd and coalesce(c.end_date, c.start_date) >= :yearStart");
		}
		String order = PageRequests.orderBy(pageable.getSort(), SORTABLE, RECORD_TYPE, "lower(c.name)", "c.id");
		return PAGED.fetch(this.jdbc, where.sql(), params, order, pageable, Campaigns::map);
	}

	/**
	 * The campaigns directly under this one that the viewer may read, each with its cost
	 * including everything under it.
	 */
	public List<SubCampaign> children(Viewer viewer, UUID parentId) {
		Map<UUID, BigDecimal> costs = new LinkedHashMap<>();
		this.jdbc.sql("""
				with recursive tree(root_id, id, depth) as (
				  select c.id, c.id, 0 from campaigns c where c.parent_id = :parent
				  union all
				  select t.root_id, c.id, t.depth + 1 from campaigns c join tree t on c.parent_id = t.id
				  where t.depth < :maxDepth)
				select t.root_id, coalesce(sum(k.amount), 0) as cost
				from tree t left join campaign_costs k on k.campaign_id = t.id group by t.root_id
				""")
			.param("parent", parentId)
			.param("maxDepth", MAX_DEPTH)
			.query((rs, n) -> costs.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2)))
			.list();
		return this.jdbc
			.sql(PAGED.select() + " where c.parent_id = :parent order by c.start_date nulls last, lower(c.name)")
			.param("parent", parentId)
			.query(Campaigns::map)
			.list()
			.stream()
			.filter(c -> this.visibility.canRead(viewer, ACCESS, c.ownerId()))
			.map(c -> new SubCampaign(c, costs.getOrDefault(c.id(), BigDecimal.ZERO)))
			.toList();
	}

	/**
	 * The campaign's budget against what it and its whole hierarchy below it actually
	 * cost.
	 */
	public CampaignCostRollup rollup(Viewer viewer, UUID id) {
		Campaign campaign = get(viewer, id);
		Set<UUID> tree = hierarchyFrom(id);
		BigDecimal total = this.jdbc
			.sql("select coalesce(sum(amount), 0) from campaign_costs where campaign_id in (:ids)")
			.param("ids", List.copyOf(tree))
			.query(BigDecimal.class)
			.single();
		return new CampaignCostRollup(campaign.budget(), campaign.actualCost(), total, tree.size() - 1);
	}

	/**
	 * @return the campaign and every campaign under it, at any depth
	 */
	Set<UUID> hierarchyFrom(UUID id) {
		return Set.copyOf(this.jdbc
			.sql("""
					with recursive down(id, depth) as (
					  select id, 0 from campaigns where id = :id
					  union select c.id, d.depth + 1 from campaigns c join down d on c.parent_id = d.id where d.depth < :maxDepth)
					select distinct id from down
					""")
			.param("id", id)
			.param("maxDepth", MAX_DEPTH)
			.query(UUID.class)
			.list());
	}

	@Transactional
	public Campaign create(Viewer viewer, CampaignDetails input) {
		requireCreator(viewer);
		CampaignDetails withOwner = input.ownerId() != null ? input
				: new CampaignDetails(input.name(), input.type(), input.status(), input.startDate(), input.endDate(),
						input.budget(), input.parentId(), viewer.id(), input.description());
		CampaignDetails details = validate(viewer, null, withOwner, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into campaigns (id, name, campaign_type, status, start_date, end_date, budget, currency, parent_id,
					  owner_id, description, created_at, created_by, updated_at, updated_by, version)
					values (:id, :name, :type, :status, :startDate, :endDate, :budget, :currency, :parentId, :ownerId,
					  :description, :now, :actor, :now, :actor, 0)
					""")
			.params(columns(details))
			.param("id", id)
			.param("currency", this.currency)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now,
				diff(new CampaignDetails(null, null, null, null, null, null, null, null, null), details)));
		return load(id).orElseThrow();
	}

	@Transactional
	public Campaign update(Viewer viewer, UUID id, long expectedVersion, CampaignDetails input) {
		Campaign before = get(viewer, id);
		requireEdit(viewer, before);
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		CampaignDetails withOwner = input.ownerId() != null ? input
				: new CampaignDetails(input.name(), input.type(), input.status(), input.startDate(), input.endDate(),
						input.budget(), input.parentId(), before.ownerId(), input.description());
		CampaignDetails details = validate(viewer, id, withOwner, before);
		Instant now = this.clock.instant();
		save.run(this.jdbc.sql("""
				update campaigns set name = :name, campaign_type = :type, status = :status, start_date = :startDate,
				  end_date = :endDate, budget = :budget, parent_id = :parentId, owner_id = :ownerId,
				  description = :description, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""").params(columns(details)), viewer.id(), now);
		List<FieldChange> changes = diff(before.details(), details);
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes));
		}
		return load(id).orElseThrow();
	}

	/**
	 * The names of campaigns, for showing beside other records; only to callers that
	 * checked the viewer may read them.
	 */
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		Map<UUID, String> names = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from campaigns where id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
		}
		return names;
	}

	/**
	 * Campaigns whose name contains the text, for the parent-campaign picker.
	 */
	public List<Campaign> search(Viewer viewer, String text, int limit) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		Page<Campaign> page = list(viewer, new CampaignFilter(text, null, null, null),
				org.springframework.data.domain.PageRequest.of(0, limit,
						org.springframework.data.domain.Sort.by("name")));
		return page.getContent();
	}

	/**
	 * The people a campaign may belong to: active users who change campaigns.
	 */
	public Map<UUID, String> ownerChoices(UUID keptOwnerId) {
		Map<UUID, String> choices = new LinkedHashMap<>();
		this.users.activeUsers()
			.stream()
			.filter(user -> ACCESS.editsAll().contains(user.role()) || user.id().equals(keptOwnerId))
			.forEach(user -> choices.put(user.id(), user.fullName()));
		return choices;
	}

	Optional<Campaign> load(UUID id) {
		return this.jdbc.sql(PAGED.select() + " where c.id = :id").param("id", id).query(Campaigns::map).optional();
	}

	private void requireCreator(Viewer viewer) {
		if (!canCreate(viewer)) {
			throw new ForbiddenException("Only marketing, sales administrators and administrators create campaigns.");
		}
	}

	/**
	 * @param before the campaign as it is, {@code null} for a new one
	 * @return the details with the type as stored
	 */
	private CampaignDetails validate(Viewer viewer, UUID id, CampaignDetails input, Campaign before) {
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(input));
		String type = input.type();
		try {
			type = this.pickLists.resolve(TYPE_LIST, "type", input.type(), before == null ? null : before.type());
		}
		catch (InvalidInputException ex) {
			ex.fieldErrors().forEach(errors::putIfAbsent);
		}
		if (input.startDate() != null && input.endDate() != null && input.endDate().isBefore(input.startDate())) {
			errors.putIfAbsent("endDate", "The end date can't be before the start date.");
		}
		if (before != null && input.status() != null && !before.status().mayBecome(input.status())) {
			errors.putIfAbsent("status",
					"A campaign that is " + before.status().label().toLowerCase() + " can't become "
							+ input.status().label().toLowerCase()
							+ ": a campaign goes from planned to active, then to completed or aborted.");
		}
		if (input.ownerId() != null) {
			Optional<User> owner = this.users.find(input.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + input.ownerId() + ".");
			}
			else if (!owner.get().active()) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own campaigns.");
			}
			else if (!ACCESS.editsAll().contains(owner.get().role())
					&& (before == null || !input.ownerId().equals(before.ownerId()))) {
				errors.putIfAbsent("ownerId", owner.get().fullName()
						+ " can't own campaigns: campaigns belong to marketing, sales administrators or administrators.");
			}
		}
		if (input.parentId() != null) {
			Optional<Campaign> parent = load(input.parentId())
				.filter(p -> this.visibility.canRead(viewer, ACCESS, p.ownerId()));
			if (parent.isEmpty()) {
				errors.putIfAbsent("parentId", "There is no campaign with id " + input.parentId() + ".");
			}
			else if (id != null && hierarchyFrom(id).contains(input.parentId())) {
				errors.putIfAbsent("parentId",
						id.equals(input.parentId()) ? "A campaign can't be its own parent."
								: parent.get().name()
										+ " is this campaign or one under it; a campaign hierarchy can't go "
										+ "round in a circle.");
			}
		}
		InputValidation.throwIfAny(errors);
		return input.withType(type);
	}

	private static Map<String, Object> columns(CampaignDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", details.name().trim());
		columns.put("type", blankToNull(details.type()));
		columns.put("status", details.status().name());
		columns.put("startDate", details.startDate());
		columns.put("endDate", details.endDate());
		columns.put("budget", details.budget());
		columns.put("parentId", details.parentId());
		columns.put("ownerId", details.ownerId());
		columns.put("description", blankToNull(details.description()));
		return columns;
	}

	private static List<FieldChange> diff(CampaignDetails before, CampaignDetails after) {
		return new FieldChange.Diff().compare("name", trim(before.name()), trim(after.name()))
			.compare("type", before.type(), blankToNull(after.type()))
			.compare("status", before.status(), after.status())
			.compare("startDate", before.startDate(), after.startDate())
			.compare("endDate", before.endDate(), after.endDate())
			.compare("budget", before.budget(), after.budget())
			.compare("parentId", before.parentId(), after.parentId())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.compare("description", trim(before.description()), blankToNull(trim(after.description())))
			.changes();
	}

	static Campaign map(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("campaign_type"),
				CampaignStatus.valueOf(rs.getString("status")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("budget"), rs.getString("currency"),
				rs.getObject("parent_id", UUID.class), rs.getString("parent_name"),
				rs.getObject("owner_id", UUID.class), rs.getString("description"), rs.getBigDecimal("actual_cost"),
				instant(rs, "created_at"), rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), rs.getLong("version"));
	}

}
