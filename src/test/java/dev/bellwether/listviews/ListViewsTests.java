package dev.bellwether.listviews;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.platform.usage.FeatureUsed;
import dev.bellwether.platform.usage.UsageKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Saved views: who may share with whom, who sees what, defaults, standard views, and
 * optimistic locking.
 */
@IntegrationTest
@RecordApplicationEvents
class ListViewsTests {

	@Autowired
	ListViews views;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aRepSavesAPersonalViewThatOnlyTheySee() {
		Viewer rep = viewer(Role.REP, null);
		Viewer other = viewer(Role.REP, null);

		ListView view = this.views.create(rep, "opportunity",
				ListViewDetails.personal("  Big deals ", ViewSettings.parse("status=open&owner=&sort=amount,desc")));

		assertThat(view.name()).isEqualTo("Big deals");
		assertThat(view.settings().filters()).containsExactly(Map.entry("status", "open"));
		assertThat(view.version()).isZero();
		assertThat(this.views.visible(rep, "opportunity")).extracting(ListView::id).contains(view.id());
		assertThat(this.views.visible(other, "opportunity")).extracting(ListView::id).doesNotContain(view.id());
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> this.views.get(other, view.id()));
	}

	@Test
	void aManagerSharesWithTheirTeamAndNobodyElseSeesIt() {
		Viewer manager = viewer(Role.MANAGER, null);
		Viewer member = viewer(Role.REP, manager.id());
		Viewer outsider = viewer(Role.REP, null);

		ListView view = this.views.create(manager, "opportunity", new ListViewDetails("Team pipeline",
				ViewSettings.parse("team=" + manager.id()), Sharing.TEAM, null, manager.id()));

		assertThat(this.views.get(member, view.id()).name()).isEqualTo("Team pipeline");
		assertThat(this.views.visible(member, "opportunity")).extracting(ListView::id).contains(view.id());
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> this.views.get(outsider, view.id()));
	}

	@Test
	void nobodySharesWithATeamTheyDoNotLeadAndNothingIsSaved() {
		Viewer manager = viewer(Role.MANAGER, null);
		Viewer otherManager = viewer(Role.MANAGER, null);
		Viewer rep = viewer(Role.REP, manager.id());

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.views.create(manager, "opportunity",
					new ListViewDetails("Not mine", ViewSettings.empty(), Sharing.TEAM, null, otherManager.id())))
			.withMessageContaining("you don't lead that team")
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("sharedTeamId"));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.views.create(rep, "opportunity",
				new ListViewDetails("Mine to share", ViewSettings.empty(), Sharing.TEAM, null, manager.id())));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.views.create(manager, "account",
					new ListViewDetails("For all reps", ViewSettings.empty(), Sharing.ROLE, Role.REP, null)))
			.withMessageContaining("sales administrators and administrators");
		assertThat(savedBy(manager)).isZero();
		assertThat(savedBy(rep)).isZero();
	}

	@Test
	void aManagerLeadsTheTeamsBelowThemToo() {
		Viewer director = viewer(Role.MANAGER, null);
		Viewer manager = viewer(Role.MANAGER, director.id());
		Viewer rep = viewer(Role.REP, manager.id());

		ListView view = this.views.create(director, "contact",
				new ListViewDetails("Their contacts", ViewSettings.empty(), Sharing.TEAM, null, manager.id()));

		assertThat(this.views.get(rep, view.id()).id()).isEqualTo(view.id());
		assertThat(this.views.teamsToShareWith(director)).containsKeys(director.id(), manager.id());
	}

	@Test
	void salesAdministratorsShareWithAnyRole() {
		Viewer salesAdmin = viewer(Role.SALES_ADMIN, null);
		Viewer rep = viewer(Role.REP, null);
		Viewer marketer = viewer(Role.MARKETING, null);

		ListView view = this.views.create(salesAdmin, "account",
				new ListViewDetails("Reps' accounts", ViewSettings.empty(), Sharing.ROLE, Role.REP, null));

		assertThat(this.views.get(rep, view.id()).sharedRole()).isEqualTo(Role.REP);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> this.views.get(marketer, view.id()));
	}

	@Test
	void aViewNamingAFilterTheListDoesNotHaveIsRefusedWholly() {
		Viewer rep = viewer(Role.REP, null);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.views.create(rep, "account",
					ListViewDetails.personal("", ViewSettings.parse("colour=red&cols=name,nothing"))))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "filters.colour", "columns"));
		assertThat(savedBy(rep)).isZero();
	}

	@Test
	void onlyTheOwnerChangesAViewAndAStaleVersionIsRefused() {
		Viewer manager = viewer(Role.MANAGER, null);
		Viewer member = viewer(Role.REP, manager.id());
		ListView view = this.views.create(manager, "opportunity",
				new ListViewDetails("Shared", ViewSettings.empty(), Sharing.TEAM, null, manager.id()));

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.views.update(member, view.id(), 0, ListViewDetails.personal("Hijacked", null)))
			.withMessageContaining("only its owner");
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> this.views.delete(member, view.id()));

		ListView renamed = this.views.update(manager, view.id(), 0, new ListViewDetails("Shared pipeline",
				ViewSettings.parse("status=open"), Sharing.TEAM, null, manager.id()));
		assertThat(renamed.version()).isEqualTo(1);
		assertThatExceptionOfType(StaleRecordException.class)
			.isThrownBy(() -> this.views.update(manager, view.id(), 0, ListViewDetails.personal("Old", null)));
		assertThat(this.views.get(manager, view.id()).name()).isEqualTo("Shared pipeline");
	}

	@Test
	void standardViewsAreEveryonesAndNobodyChangesThem() {
		Viewer rep = viewer(Role.REP, null);

		List<ListView> standard = this.views.visible(rep, "opportunity").stream().filter(ListView::standard).toList();

		assertThat(standard).extracting(ListView::name)
			.contains("My open deals", "Closing this quarter", "Stale deals", "All open deals");
		assertThat(this.views.visible(rep, "account")).extracting(ListView::name).contains("My accounts");
		assertThat(this.views.visible(rep, "contact")).extracting(ListView::name).contains("My contacts");
		assertThat(this.views.visible(rep, "activity")).extracting(ListView::name).contains("Overdue tasks");
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.views.update(rep, standard.get(0).id(), 0, ListViewDetails.personal("Mine", null)))
			.withMessageContaining("standard view");
		ListView copy = this.views.create(rep, "opportunity",
				ListViewDetails.personal("My open deals, by amount", standard.get(0).settings()));
		assertThat(copy.settings().filters()).isEqualTo(standard.get(0).settings().filters());
	}

	@Test
	void aPersonsDefaultViewOpensOnTheBareList() {
		Viewer rep = viewer(Role.REP, null);
		ListView view = this.views.create(rep, "contact",
				ListViewDetails.personal("Mine by name", ViewSettings.parse("owner=me")));

		this.views.setDefault(rep, "contact", view.id());

		OpenedView bare = this.views.open(rep, "contact", Map.of(), true);
		assertThat(bare.view().id()).isEqualTo(view.id());
		assertThat(bare.query().id("owner")).isEqualTo(rep.id());
		assertThat(bare.isDefault()).isTrue();
		OpenedView filtered = this.views.open(rep, "contact", Map.of("q", new String[] { "smith" }), true);
		assertThat(filtered.view()).isNull();
		assertThat(this.views.open(rep, "contact", Map.of("view", new String[] { "" }), true).view()).isNull();

		this.views.setDefault(rep, "contact", null);
		assertThat(this.views.open(rep, "contact", Map.of(), true).view()).isNull();
	}

	@Test
	void aViewOfAnotherListIsNoDefaultOfThisOne() {
		Viewer rep = viewer(Role.REP, null);
		ListView view = this.views.create(rep, "contact", ListViewDetails.personal("Contacts", ViewSettings.empty()));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.views.setDefault(rep, "account", view.id()));
	}

	@Test
	void openingAViewIsCountedAsUseOfSavedViews() {
		Viewer rep = viewer(Role.REP, null);
		UUID stale = this.views.visible(rep, "opportunity")
			.stream()
			.filter(v -> v.name().equals("Stale deals"))
			.findFirst()
			.orElseThrow()
			.id();

		OpenedView opened = this.views.open(rep, "opportunity",
				Map.of("view", new String[] { stale.toString() }, "q", new String[] { "acme" }), true);

		assertThat(opened.query().flag("stale")).isTrue();
		assertThat(opened.query().text("q")).isEqualTo("acme");
		assertThat(opened.modified()).isTrue();
		assertThat(this.events.stream(FeatureUsed.class).filter(e -> e.userId().equals(rep.id()))).singleElement()
			.satisfies(e -> {
				assertThat(e.kind()).isEqualTo(UsageKind.VIEW);
				assertThat(e.module()).isEqualTo("listviews");
				assertThat(e.recordId()).isEqualTo(stale);
			});
	}

	@Test
	void aViewsFilterTheListNoLongerHasIsLeftOutWithANotice() {
		Viewer rep = viewer(Role.REP, null);
		ListView view = this.views.create(rep, "account", ListViewDetails.personal("Old", ViewSettings.parse("q=x")));
		this.jdbc.sql("update list_views set settings = 'q=x&region=north' where id = :id")
			.param("id", view.id())
			.update();

		OpenedView opened = this.views.open(rep, "account", Map.of("view", new String[] { view.id().toString() }),
				false);

		assertThat(opened.settings().filters()).containsExactly(Map.entry("q", "x"));
		assertThat(opened.notices()).singleElement().asString().contains("'region'");
	}

	@Test
	void anotherPersonsViewInTheUrlIsNotFound() {
		Viewer owner = viewer(Role.REP, null);
		Viewer other = viewer(Role.REP, null);
		ListView view = this.views.create(owner, "account", ListViewDetails.personal("Private", ViewSettings.empty()));

		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(
				() -> this.views.open(other, "account", Map.of("view", new String[] { view.id().toString() }), true));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(
				() -> this.views.open(owner, "contact", Map.of("view", new String[] { view.id().toString() }), true));
	}

	private long savedBy(Viewer viewer) {
		return this.jdbc.sql("select count(*) from list_views where owner_id = :id")
			.param("id", viewer.id())
			.query(Long.class)
			.single();
	}

	private Viewer viewer(Role role, UUID managerId) {
		User user = this.users.create(role, managerId);
		return TestUsers.viewer(user);
	}

}
