package dev.bellwether.listviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinitions;
import dev.bellwether.platform.listview.ListFilter;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.listview.StandardView;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.platform.usage.FeatureUsed;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.FiscalCalendar;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved list views and who sees them. A view is personal, or shared with a role or with a
 * team (a manager and everyone below them): a manager shares with their own team (or a
 * team below them), sales administrators and administrators with any role or team, and
 * nobody else shares. Only a view's owner changes or deletes it; standard views are
 * nobody's and change with the code. Each person may pick one view as their default per
 * list.
 */
@Service
public class ListViews {

	public static final String RECORD_TYPE = "list view";

	public static final int MAX_NAME_LENGTH = 80;

	private final JdbcClient jdbc;

	private final ListDefinitions lists;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final Clock clock;

	private final FiscalCalendar calendar;

	private final ApplicationEventPublisher events;

	ListViews(JdbcClient jdbc, ListDefinitions lists, OrgChart orgChart, UserDirectory users, Clock clock,
			FiscalCalendar calendar, ApplicationEventPublisher events) {
		this.calendar = calendar;
		this.events = events;
		this.jdbc = jdbc;
		this.lists = lists;
		this.orgChart = orgChart;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @return the list's standard views, then the views the viewer may open (their own
	 * and those shared with them), by name
	 */
	public List<ListView> visible(Viewer viewer, String recordType) {
		ListDefinition list = this.lists.get(recordType);
		List<ListView> views = new ArrayList<>(standardViews(list));
		// shared with a team the viewer is in: a team led by them or by anyone above them
		List<UUID> leads = new ArrayList<>(this.orgChart.managerChain(viewer.id()));
		leads.add(viewer.id());
		views.addAll(this.jdbc.sql("""
				select * from list_views where record_type = :type
				    and (owner_id = :me or (sharing = 'ROLE' and shared_role = :role)
				         or (sharing = 'TEAM' and shared_team_id in (:leads)))
				order by lower(name), id
				""")
			.param("type", recordType)
			.param("me", viewer.id())
			.param("role", viewer.role().name())
			.param("leads", leads)
			.query(ListViews::map)
			.list());
		return views;
	}

	/**
	 * Opens a list as its page asks: the view named by the URL's {@code view} (or, on the
	 * bare list, the viewer's default, else the list's opening view), with what the URL's
	 * own filters, {@code cols}, {@code sort} and {@code size} override. A view's filter
	 * the list no longer has (or has retired) is left out, with a notice. Opening a view
	 * is counted as a use of saved views when {@code countUse} (not for a list's own
	 * re-filtering).
	 * @throws RecordNotFoundException when the view does not exist or is not shared with
	 * the viewer
	 * @throws InvalidInputException when the URL's columns or page size cannot be read
	 */
	public OpenedView open(Viewer viewer, String recordType, Map<String, String[]> parameters, boolean countUse) {
		ListDefinition list = this.lists.get(recordType);
		ViewSettings fromUrl;
		try {
			fromUrl = ViewSettings.fromParameters(parameters, list);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(ex.getMessage().contains("page size") ? "size" : "cols", ex.getMessage());
		}
		String[] named = parameters.get("view");
		Optional<ListView> defaultView = defaultView(viewer, recordType);
		ListView view = null;
		boolean byDefault = false;
		boolean opening = false;
		if (named != null && named.length > 0 && named[0] != null && !named[0].isBlank()) {
			UUID id;
			try {
				id = UUID.fromString(named[0].strip());
			}
			catch (IllegalArgumentException ex) {
				throw new RecordNotFoundException(RECORD_TYPE, named[0]);
			}
			view = get(viewer, id);
			if (!view.recordType().equals(recordType)) {
				throw new RecordNotFoundException(RECORD_TYPE, id);
			}
		}
		else if (named == null && fromUrl.equals(ViewSettings.empty()) && !parameters.containsKey("page")) {
			// the bare list (a "?view=" asks for the list as it comes)
			view = defaultView.filter(v -> v.recordType().equals(recordType)).orElse(null);
			if (view == null) {
				// no default of their own: the list's opening view (open deals from today
				// …)
				view = list.opening().map(standard -> standardView(list, standard)).orElse(null);
				opening = view != null;
			}
			byDefault = view != null;
		}
		List<String> notices = new ArrayList<>();
		ViewSettings base = ViewSettings.empty();
		if (view != null) {
			Map<String, String> kept = new LinkedHashMap<>();
			view.settings().filters().forEach((name, value) -> {
				Optional<ListFilter> filter = list.filter(name);
				if (filter.isEmpty() || filter.get().retired()) {
					notices.add("This view filters on '" + filter.map(ListFilter::label).orElse(name)
							+ "', which this list no longer offers: that filter is left out.");
				}
				else {
					kept.put(name, value);
				}
			});
			List<ViewSettings.Column> columns = new ArrayList<>();
			for (ViewSettings.Column column : view.settings().columns()) {
				if (list.column(column.name()).isPresent()) {
					columns.add(column);
				}
				else {
					notices.add("This view shows '"
							+ list.filter(column.name()).map(ListFilter::label).orElse(column.name())
							+ "', which this list no longer offers: that column is left out.");
				}
			}
			String sort = view.settings().sort();
			if (sort != null && !list.sortable(sort)) {
				String by = sort.split(",")[0];
				notices.add("This view is sorted by '" + list.filter(by).map(ListFilter::label).orElse(by)
						+ "', which this list no longer offers: it is shown in the list's own order.");
				sort = null;
			}
			base = new ViewSettings(kept, columns, sort, view.settings().pageSize());
			if (countUse && !opening) {
				this.events.publishEvent(new FeatureUsed(viewer.id(), this.clock.instant(), UsageKind.VIEW, "listviews",
						RECORD_TYPE, view.id()));
			}
		}
		ViewSettings settings = base.overriddenBy(fromUrl).withoutEmptyFilters();
		int page = 0;
		String[] pages = parameters.get("page");
		if (pages != null && pages.length > 0) {
			try {
				page = Integer.parseInt(pages[0].strip());
			}
			catch (NumberFormatException ex) {
				page = 0;
			}
		}
		ListQuery query = new ListQuery(list, settings, viewer.id(), this.calendar, page);
		UUID defaultId = defaultView.map(ListView::id).orElse(null);
		return new OpenedView(list, view, settings, query, visible(viewer, recordType), defaultId, notices,
				teamsToShareWith(viewer), canShareWithRoles(viewer), viewer.id(), byDefault);
	}

	/**
	 * @throws RecordNotFoundException when there is no such view, or it is not shared
	 * with the viewer (the two are not told apart)
	 */
	public ListView get(Viewer viewer, UUID id) {
		for (ListDefinition list : this.lists.all()) {
			Optional<StandardView> standard = list.standardView(id);
			if (standard.isPresent()) {
				return standardView(list, standard.get());
			}
		}
		return find(id).filter(view -> canSee(viewer, view))
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	private Optional<ListView> find(UUID id) {
		return this.jdbc.sql("select * from list_views where id = :id")
			.param("id", id)
			.query(ListViews::map)
			.optional();
	}

	@Transactional
	public ListView create(Viewer viewer, String recordType, ListViewDetails details) {
		ListDefinition list = this.lists.get(recordType);
		ListViewDetails checked = check(viewer, list, details, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into list_views (id, record_type, name, owner_id, settings, sharing, shared_role, shared_team_id,
				    created_at, created_by, updated_at, updated_by, version)
				values (:id, :type, :name, :owner, :settings, :sharing, :role, :team, :now, :owner, :now, :owner, 0)
				""")
			.param("id", id)
			.param("type", recordType)
			.param("name", checked.name())
			.param("owner", viewer.id())
			.param("settings", checked.settings().toQuery())
			.param("sharing", checked.sharing().name())
			.param("role", checked.sharedRole() == null ? null : checked.sharedRole().name())
			.param("team", checked.sharedTeamId())
			.param("now", java.sql.Timestamp.from(now))
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * @throws StaleRecordException when someone saved the view after
	 * {@code expectedVersion}
	 * @throws ForbiddenException when the view is not the viewer's own
	 */
	@Transactional
	public ListView update(Viewer viewer, UUID id, long expectedVersion, ListViewDetails details) {
		ListView view = ownView(viewer, id, "change");
		ListViewDetails checked = check(viewer, this.lists.get(view.recordType()), details, id);
		int updated = this.jdbc.sql("""
				update list_views set name = :name, settings = :settings, sharing = :sharing, shared_role = :role,
				    shared_team_id = :team, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", checked.name())
			.param("settings", checked.settings().toQuery())
			.param("sharing", checked.sharing().name())
			.param("role", checked.sharedRole() == null ? null : checked.sharedRole().name())
			.param("team", checked.sharedTeamId())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("actor", viewer.id())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, expectedVersion);
		}
		return find(id).orElseThrow();
	}

	@Transactional
	public void delete(Viewer viewer, UUID id) {
		ownView(viewer, id, "delete");
		this.jdbc.sql("delete from list_view_defaults where view_id = :id").param("id", id).update();
		this.jdbc.sql("delete from list_views where id = :id").param("id", id).update();
	}

	/**
	 * Makes a view the viewer's default for its list ({@code null} id: back to the list
	 * as it comes).
	 */
	@Transactional
	public void setDefault(Viewer viewer, String recordType, UUID viewId) {
		this.lists.get(recordType);
		if (viewId == null) {
			this.jdbc.sql("delete from list_view_defaults where user_id = :user and record_type = :type")
				.param("user", viewer.id())
				.param("type", recordType)
				.update();
			return;
		}
		ListView view = get(viewer, viewId);
		if (!view.recordType().equals(recordType)) {
			throw new InvalidInputException("viewId", "The view '" + view.name() + "' is a view of the "
					+ view.recordType() + " list, not of the " + recordType + " list.");
		}
		this.jdbc
			.sql("""
					insert into list_view_defaults (user_id, record_type, view_id, updated_at)
					values (:user, :type, :view, :now)
					on conflict (user_id, record_type) do update set view_id = excluded.view_id, updated_at = excluded.updated_at
					""")
			.param("user", viewer.id())
			.param("type", recordType)
			.param("view", viewId)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @return the viewer's default view of the list, when they chose one they may still
	 * open
	 */
	public Optional<ListView> defaultView(Viewer viewer, String recordType) {
		Optional<UUID> id = this.jdbc
			.sql("select view_id from list_view_defaults where user_id = :user and record_type = :type")
			.param("user", viewer.id())
			.param("type", recordType)
			.query(UUID.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(get(viewer, id.get()));
		}
		catch (RecordNotFoundException ex) {
			// no longer shared with them: the list as it comes
			return Optional.empty();
		}
	}

	/**
	 * @return the teams the viewer may share with: team lead's id to the team's name
	 * (their own, and those of managers below them; any manager's for sales
	 * administrators and administrators)
	 */
	public Map<UUID, String> teamsToShareWith(Viewer viewer) {
		Map<UUID, String> teams = new LinkedHashMap<>();
		if (viewer.is(Role.ADMIN) || viewer.is(Role.SALES_ADMIN)) {
			this.users.activeManagers().forEach(u -> teams.put(u.id(), "Team of " + u.fullName()));
		}
		else if (viewer.is(Role.MANAGER) || viewer.is(Role.EXECUTIVE)) {
			teams.put(viewer.id(), "My team");
			this.users.activeManagersAmong(this.orgChart.organisationOf(viewer.id()))
				.stream()
				.filter(u -> !u.id().equals(viewer.id()))
				.forEach(u -> teams.put(u.id(), "Team of " + u.fullName()));
		}
		return teams;
	}

	/**
	 * @return whether the viewer may share views with roles (sales administrators and
	 * administrators)
	 */
	public boolean canShareWithRoles(Viewer viewer) {
		return viewer.is(Role.ADMIN) || viewer.is(Role.SALES_ADMIN);
	}

	private ListView ownView(Viewer viewer, UUID id, String what) {
		ListView view = get(viewer, id);
		if (view.standard()) {
			throw new ForbiddenException("'" + view.name() + "' is a standard view: nobody can " + what
					+ " it. Save a copy of it under a name of your own instead.");
		}
		if (!view.isOwnedBy(viewer.id())) {
			throw new ForbiddenException("The view '" + view.name() + "' is shared with you by someone else: only its "
					+ "owner can " + what + " it. Save a copy of it under a name of your own instead.");
		}
		return view;
	}

	private ListViewDetails check(Viewer viewer, ListDefinition list, ListViewDetails details, UUID id) {
		Map<String, String> problems = new LinkedHashMap<>();
		String name = details.name() == null ? "" : details.name().strip();
		if (name.isEmpty()) {
			problems.put("name", "Give the view a name.");
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			problems.put("name", "A view's name has at most " + MAX_NAME_LENGTH + " characters.");
		}
		else if (list.standardViews().stream().anyMatch(v -> v.name().equalsIgnoreCase(name))) {
			problems.put("name", "'" + name + "' is the name of a standard view: choose another.");
		}
		else if (this.jdbc.sql("""
				select count(*) from list_views where owner_id = :owner and record_type = :type
				    and lower(name) = lower(:name) and (cast(:id as uuid) is null or id <> :id)
				""")
			.param("owner", viewer.id())
			.param("type", list.recordType())
			.param("name", name)
			.param("id", id)
			.query(Long.class)
			.single() > 0) {
			problems.put("name", "You already have a view called '" + name + "' of this list.");
		}
		ViewSettings settings = details.settings() == null ? ViewSettings.empty() : details.settings();
		try {
			list.check(settings);
		}
		catch (InvalidInputException ex) {
			problems.putAll(ex.fieldErrors());
		}
		Sharing sharing = details.sharing() == null ? Sharing.PERSONAL : details.sharing();
		Role role = null;
		UUID team = null;
		if (sharing == Sharing.ROLE) {
			role = details.sharedRole();
			if (role == null) {
				problems.put("sharedRole", "Say which role to share the view with.");
			}
		}
		if (sharing == Sharing.TEAM) {
			team = details.sharedTeamId();
			if (team == null) {
				problems.put("sharedTeamId", "Say which team to share the view with.");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (sharing == Sharing.ROLE && !canShareWithRoles(viewer)) {
			throw new ForbiddenException("sharedRole",
					"Only sales administrators and administrators share views with a role; "
							+ (viewer.is(Role.MANAGER) ? "share it with your team instead." : "keep it personal."));
		}
		if (sharing == Sharing.TEAM) {
			Optional<User> lead = this.users.find(team);
			if (lead.isEmpty()) {
				throw new InvalidInputException("sharedTeamId", "There is no team led by " + team + ".");
			}
			if (!leads(viewer, team)) {
				throw new ForbiddenException("sharedTeamId",
						"You can't share a view with the team of " + lead.get().fullName()
								+ ": you don't lead that team. Managers share with their own team; "
								+ "sales administrators and administrators with any team.");
			}
		}
		return new ListViewDetails(name, settings.withoutEmptyFilters(), sharing, role, team);
	}

	private boolean leads(Viewer viewer, UUID teamLeadId) {
		if (viewer.is(Role.ADMIN) || viewer.is(Role.SALES_ADMIN)) {
			return true;
		}
		if (!viewer.is(Role.MANAGER) && !viewer.is(Role.EXECUTIVE)) {
			return false;
		}
		return viewer.id().equals(teamLeadId) || this.orgChart.isAbove(viewer.id(), teamLeadId);
	}

	private boolean canSee(Viewer viewer, ListView view) {
		if (view.standard() || view.isOwnedBy(viewer.id())) {
			return true;
		}
		return switch (view.sharing()) {
			case PERSONAL -> false;
			case ROLE -> view.sharedRole() == viewer.role();
			case TEAM ->
				view.sharedTeamId() != null && this.orgChart.organisationOf(view.sharedTeamId()).contains(viewer.id());
		};
	}

	private static List<ListView> standardViews(ListDefinition list) {
		return list.standardViews().stream().map(v -> standardView(list, v)).toList();
	}

	private static ListView standardView(ListDefinition list, StandardView view) {
		return new ListView(view.id(list.recordType()), list.recordType(), view.name(), null, view.settings(),
				Sharing.PERSONAL, null, null, true, 0, null);
	}

	private static ListView map(ResultSet rs, int row) throws SQLException {
		String role = rs.getString("shared_role");
		return new ListView(rs.getObject("id", UUID.class), rs.getString("record_type"), rs.getString("name"),
				rs.getObject("owner_id", UUID.class), ViewSettings.parse(rs.getString("settings")),
				Sharing.valueOf(rs.getString("sharing")), role == null ? null : Role.valueOf(role),
				rs.getObject("shared_team_id", UUID.class), false, rs.getLong("version"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
