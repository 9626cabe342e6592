package dev.bellwether.identity;

import java.util.UUID;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity module on its own: users and their hierarchy, and the events it publishes.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class IdentityModuleTests {

	@Autowired
	UserDirectory users;

	@Autowired
	OrgChart orgChart;

	private User user(Role role, UUID managerId) {
		String username = "id-" + UUID.randomUUID().toString().substring(0, 8);
		return this.users.create(new UserProfile(username, "User " + username, username + "@test.example", null, role,
				managerId, null, null, null), "a long password", null);
	}

	@Test
	void creatingAUserPublishesTheChangeWithoutThePassword(AssertablePublishedEvents events) {
		User user = user(Role.REP, null);

		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(user.id()) && e.kind() == ChangeKind.CREATED
					&& e.changes().stream().noneMatch(c -> c.field().toLowerCase().contains("password")));
	}

	@Test
	void aManagerChainCannotGoRoundInACircle() {
		User top = user(Role.MANAGER, null);
		User middle = user(Role.MANAGER, top.id());
		User bottom = user(Role.REP, middle.id());

		UserProfile topReportingToBottom = new UserProfile(top.username(), top.fullName(), top.email(), null,
				Role.MANAGER, bottom.id(), null, null, null);

		assertThatThrownBy(() -> this.users.update(top.id(), top.version(), topReportingToBottom, null))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("managerId"));
		assertThat(this.orgChart.managerChain(bottom.id())).containsExactly(middle.id(), top.id());
		assertThat(this.orgChart.level(bottom.id())).isEqualTo(2);
	}

	@Test
	void deactivatedUsersKeepTheirRecordsAndCanBeReactivated() {
		User admin = user(Role.ADMIN, null);
		User rep = user(Role.REP, null);

		assertThat(this.users.deactivate(rep.id(), admin.id()).active()).isFalse();
		assertThat(this.users.find(rep.id())).isPresent();
		assertThat(this.users.reactivate(rep.id(), admin.id()).active()).isTrue();
	}

	@Test
	void nobodyDeactivatesThemselves() {
		User admin = user(Role.ADMIN, null);
		assertThatThrownBy(() -> this.users.deactivate(admin.id(), admin.id()))
			.isInstanceOf(InvalidInputException.class);
	}

}
