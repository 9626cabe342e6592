package dev.bellwether.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one visibility mechanism, over a three-level hierarchy: manager → sub-manager →
 * rep, plus a peer rep in another branch and the roles that see beyond their own branch.
 */
@IntegrationTest
class RecordVisibilityTests {

	private static final AccessPolicy DEAL = AccessPolicy.ownerChainRecord("deal",
			Set.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN), Set.of(Role.SALES_ADMIN, Role.ADMIN));

	private static final AccessPolicy ACCOUNT = AccessPolicy.sharedRecord("account", Role.SALES_ADMIN, Role.ADMIN);

	@Autowired
	TestUsers users;

	@Autowired
	RecordVisibility visibility;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	User manager;

	User subManager;

	User rep;

	User peerManager;

	User peerRep;

	User executive;

	User salesAdmin;

	User admin;

	@BeforeEach
	void hierarchy() {
		this.manager = this.users.create(Role.MANAGER);
		this.subManager = this.users.create(Role.MANAGER, this.manager.id());
		this.rep = this.users.create(Role.REP, this.subManager.id());
		this.peerManager = this.users.create(Role.MANAGER, this.manager.id());
		this.peerRep = this.users.create(Role.REP, this.peerManager.id());
		this.executive = this.users.create(Role.EXECUTIVE);
		this.salesAdmin = this.users.create(Role.SALES_ADMIN);
		this.admin = this.users.create(Role.ADMIN);
	}

	@Test
	void theOwnerAndEveryoneAboveReadAndEditAPrivateRecord() {
		for (User user : List.of(this.rep, this.subManager, this.manager)) {
			assertThat(this.visibility.canRead(TestUsers.viewer(user), DEAL, this.rep.id())).as(user.username())
				.isTrue();
			assertThat(this.visibility.canEdit(TestUsers.viewer(user), DEAL, this.rep.id())).as(user.username())
				.isTrue();
		}
		assertThatNoException()
			.isThrownBy(() -> this.visibility.requireEdit(TestUsers.viewer(this.manager), DEAL, this.rep.id()));
	}

	@Test
	void aPeerAndThoseBelowTheOwnerNeitherReadNorEdit() {
		for (User user : List.of(this.peerRep, this.peerManager)) {
			assertThat(this.visibility.canRead(TestUsers.viewer(user), DEAL, this.rep.id())).as(user.username())
				.isFalse();
			assertThat(this.visibility.canEdit(TestUsers.viewer(user), DEAL, this.rep.id())).as(user.username())
				.isFalse();
		}
		// a manager's records are not their reports' to see
		assertThat(this.visibility.canRead(TestUsers.viewer(this.rep), DEAL, this.subManager.id())).isFalse();

		UUID dealId = UUID.randomUUID();
		assertThatThrownBy(
				() -> this.visibility.requireRead(TestUsers.viewer(this.peerRep), DEAL, dealId, this.rep.id()))
			.isInstanceOf(RecordNotFoundException.class)
			.hasMessage("No deal with id " + dealId);
	}

	@Test
	void anExecutiveReadsEveryPrivateRecordButEditsNone() {
		Viewer executive = TestUsers.viewer(this.executive);
		assertThat(this.visibility.canRead(executive, DEAL, this.rep.id())).isTrue();
		assertThat(this.visibility.canEdit(executive, DEAL, this.rep.id())).isFalse();
		assertThatThrownBy(() -> this.visibility.requireEdit(executive, DEAL, this.rep.id()))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("only its owner, the owner's managers and");
	}

	@Test
	void salesAdministratorsAndAdministratorsEditEveryPrivateRecord() {
		for (User user : List.of(this.salesAdmin, this.admin)) {
			assertThat(this.visibility.canRead(TestUsers.viewer(user), DEAL, this.rep.id())).isTrue();
			assertThat(this.visibility.canEdit(TestUsers.viewer(user), DEAL, this.rep.id())).isTrue();
		}
	}

	@Test
	void theReadFilterSelectsExactlyTheViewersOrganisation() {
		assertThat(usersVisibleTo(this.manager)).containsExactlyInAnyOrder(this.manager.id(), this.subManager.id(),
				this.rep.id(), this.peerManager.id(), this.peerRep.id());
		assertThat(usersVisibleTo(this.subManager)).containsExactlyInAnyOrder(this.subManager.id(), this.rep.id());
		assertThat(usersVisibleTo(this.rep)).containsExactly(this.rep.id());
		assertThat(usersVisibleTo(this.peerRep)).containsExactly(this.peerRep.id());
		assertThat(this.orgChart.organisationOf(this.subManager.id()))
			.isEqualTo(Set.copyOf(usersVisibleTo(this.subManager)));
	}

	@Test
	void rolesThatReadEverythingGetNoReadFilter() {
		for (User user : List.of(this.executive, this.salesAdmin, this.admin)) {
			assertThat(this.visibility.readFilter(TestUsers.viewer(user), DEAL, "u.id")).isEqualTo(SqlFilter.none());
		}
		assertThat(this.visibility.editFilter(TestUsers.viewer(this.executive), DEAL, "u.id"))
			.isNotEqualTo(SqlFilter.none());
	}

	@Test
	void everyoneReadsASharedRecordButOnlyTheOwnerChainAndDataRolesEditIt() {
		for (User user : List.of(this.peerRep, this.executive, this.rep, this.manager, this.salesAdmin)) {
			assertThat(this.visibility.canRead(TestUsers.viewer(user), ACCOUNT, this.rep.id())).as(user.username())
				.isTrue();
			assertThat(this.visibility.readFilter(TestUsers.viewer(user), ACCOUNT, "u.id")).isEqualTo(SqlFilter.none());
		}
		for (User user : List.of(this.rep, this.subManager, this.manager, this.salesAdmin, this.admin)) {
			assertThat(this.visibility.canEdit(TestUsers.viewer(user), ACCOUNT, this.rep.id())).as(user.username())
				.isTrue();
		}
		for (User user : List.of(this.peerRep, this.peerManager, this.executive)) {
			assertThat(this.visibility.canEdit(TestUsers.viewer(user), ACCOUNT, this.rep.id())).as(user.username())
				.isFalse();
		}
	}

	@Test
	void theOrgChartKnowsLevelsAndChains() {
		assertThat(this.orgChart.level(this.manager.id())).isZero();
		assertThat(this.orgChart.level(this.subManager.id())).isEqualTo(1);
		assertThat(this.orgChart.level(this.rep.id())).isEqualTo(2);

		assertThat(this.orgChart.managerChain(this.rep.id())).containsExactly(this.subManager.id(), this.manager.id());
		assertThat(this.orgChart.managerChain(this.manager.id())).isEmpty();

		assertThat(this.orgChart.isAbove(this.manager.id(), this.rep.id())).isTrue();
		assertThat(this.orgChart.isAbove(this.subManager.id(), this.rep.id())).isTrue();
		assertThat(this.orgChart.isAbove(this.rep.id(), this.manager.id())).isFalse();
		assertThat(this.orgChart.isAbove(this.peerManager.id(), this.rep.id())).isFalse();
		assertThat(this.orgChart.isAbove(this.rep.id(), this.rep.id())).isFalse();

		assertThat(this.orgChart.directReports(this.manager.id())).containsExactlyInAnyOrder(this.subManager.id(),
				this.peerManager.id());
	}

	private List<UUID> usersVisibleTo(User user) {
		SqlFilter filter = this.visibility.readFilter(TestUsers.viewer(user), DEAL, "u.id");
		return this.jdbc.sql("select u.id from users u where " + filter.sql())
			.params(filter.parameters())
			.query(UUID.class)
			.list();
	}

}
