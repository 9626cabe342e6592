package dev.bellwether.demo;

import java.util.Map;
import java.util.stream.Collectors;

import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company a newcomer sees on first start: its hierarchy, and its accounts and
 * contacts spread over the reps.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DemoCompanyTests {

	@Autowired
	DemoCompany demo;

	@Autowired
	UserDirectory users;

	@Autowired
	OrgChart orgChart;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Test
	void seedsAFourLevelSalesOrganisationWithAccountsAndContacts() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.demo.seed(admin.id());
		}
		Map<Role, Long> roles = DemoPeople.all()
			.stream()
			.collect(Collectors.groupingBy(DemoPeople.Person::role, Collectors.counting()));
		assertThat(roles).containsEntry(Role.REP, 20L)
			.containsEntry(Role.MANAGER, 4L)
			.containsEntry(Role.EXECUTIVE, 2L);

		User ceo = this.users.findByUsername("ceo").orElseThrow();
		User manager = this.users.findByUsername("mgr.north").orElseThrow();
		User rep = this.users.findByUsername("rep.north1").orElseThrow();
		assertThat(this.orgChart.level(ceo.id())).isZero();
		assertThat(this.orgChart.level(manager.id())).isEqualTo(2);
		assertThat(this.orgChart.level(rep.id())).isEqualTo(3);
		assertThat(this.orgChart.isAbove(ceo.id(), rep.id())).isTrue();
		assertThat(this.orgChart.organisationOf(manager.id())).hasSize(6);

		Viewer viewer = new Viewer(ceo.id(), ceo.username(), ceo.fullName(), ceo.role());
		long demoAccounts = DemoPeople.all()
			.stream()
			.filter(p -> p.role() == Role.REP)
			.map(p -> this.users.findByUsername(p.username()).orElseThrow())
			.mapToLong(u -> this.accounts.list(viewer, new AccountFilter(null, null, null, u.id()), Pageable.ofSize(1))
				.getTotalElements())
			.sum();
		assertThat(demoAccounts).isEqualTo(DemoCompany.ACCOUNTS);
		long repContacts = this.contacts.list(viewer, new ContactFilter(null, null, rep.id()), Pageable.ofSize(1))
			.getTotalElements();
		assertThat(repContacts).isPositive();
		long demoContacts = DemoPeople.all()
			.stream()
			.filter(p -> p.role() == Role.REP)
			.map(p -> this.users.findByUsername(p.username()).orElseThrow())
			.mapToLong(u -> this.contacts.list(viewer, new ContactFilter(null, null, u.id()), Pageable.ofSize(1))
				.getTotalElements())
			.sum();
		assertThat(demoContacts).isBetween(900L, 1200L);
		assertThat(this.users.findByUsername("rep.north1").orElseThrow().managerId()).isEqualTo(manager.id());
	}

}
