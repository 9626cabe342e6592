package dev.bellwether.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportSettings.OnMatch;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.sales.LineItem;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Imports of the people who sign in (building the hierarchy), the catalogue, and the
 * products on deals: references resolved, near misses suggested, and undone.
 */
@IntegrationTest
class CatalogueAndPeopleImportTests {

	@Autowired
	ImportJobs imports;

	@Autowired
	UserDirectory directory;

	@Autowired
	Products products;

	@Autowired
	Opportunities opportunities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	private String tag;

	@BeforeEach
	void aTag() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private ImportJob upload(Viewer viewer, ImportTarget target, String csv) {
		return this.imports.upload(viewer, target, "old-crm.csv", csv.getBytes(StandardCharsets.UTF_8), null);
	}

	private ImportJob finished(Viewer viewer, ImportJob job) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.imports.get(viewer, job.id()).status().isActive());
		return this.imports.get(viewer, job.id());
	}

	private String report(Viewer viewer, ImportJob job) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.imports.report(viewer, job.id(), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private User user(String email) {
		return this.directory.allUsers()
			.stream()
			.filter(u -> u.email().equalsIgnoreCase(email))
			.findFirst()
			.orElseThrow();
	}

	private String email(String who) {
		return who + "." + this.tag + "@example.com";
	}

	@Test
	void usersBuildTheHierarchyWhicheverRowComesFirst() throws Exception {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		String csv = """
				Employee ID,Full Name,Email,Title,Role,Reports To,Team,Region,Hire Date
				U1-%1$s,Ann Rep %1$s,%2$s,Account Executive,Account Executive,%3$s,North,EMEA,2024-03-01
				U2-%1$s,Mia Manager %1$s,%3$s,Sales Manager,sales manager,U3-%1$s,North,EMEA,
				U3-%1$s,Vic Vp %1$s,%4$s,VP Sales,VP Sales,,,EMEA,
				U4-%1$s,Bad Address %1$s,not-an-address,,,,,,
				U5-%1$s,Cy Circle %1$s,%5$s,,Rep,%6$s,,,
				U6-%1$s,Dee Circle %1$s,%6$s,,Rep,%5$s,,,
				U7-%1$s,Ed Unknown %1$s,%7$s,,Chief Vibes Officer,Nobody Known %1$s,,,
				""".formatted(this.tag, email("ann"), email("mia"), email("vic"), email("cy"), email("dee"),
				email("ed"));
		ImportJob job = upload(admin, ImportTarget.USER, csv);
		assertThat(job.settings().columns()).containsEntry("Employee ID", "externalId")
			.containsEntry("Full Name", "fullName")
			.containsEntry("Reports To", "manager")
			.containsEntry("Hire Date", "hiredOn");

		ImportPreview preview = this.imports.preview(admin, job.id());
		assertThat(preview.create()).isEqualTo(5);
		assertThat(preview.reject()).isEqualTo(2);
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(5);
			assertThat(problem.field()).isEqualTo("email");
			assertThat(problem.rejects()).isTrue();
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(8);
			assertThat(problem.field()).isEqualTo("manager");
			assertThat(problem.rejects()).isFalse();
			assertThat(problem.message()).contains("gets no manager");
		});
		assertThat(preview.questions()).singleElement().satisfies(question -> {
			assertThat(question.field()).isEqualTo("role");
			assertThat(question.value()).isEqualTo("Chief Vibes Officer");
		});
		job = this.imports.configure(admin, job.id(), job.version(),
				new ImportSettings(job.settings().columns(), Map.of("role", Map.of("Chief Vibes Officer", "EXECUTIVE")),
						job.settings().references(), null, null, null, null, null, null));
		assertThat(this.imports.preview(admin, job.id()).create()).isEqualTo(6);

		ImportJob done = finished(admin, this.imports.start(admin, job.id()));
		assertThat(done.created()).isEqualTo(6);
		assertThat(done.rejected()).isEqualTo(1);
		User ann = user(email("ann"));
		User mia = user(email("mia"));
		User vic = user(email("vic"));
		assertThat(ann.username()).isEqualTo("ann." + this.tag);
		assertThat(ann.role()).isEqualTo(Role.REP);
		assertThat(ann.managerId()).isEqualTo(mia.id());
		assertThat(ann.team()).isEqualTo("North");
		assertThat(ann.hiredOn()).hasToString("2024-03-01");
		assertThat(mia.role()).isEqualTo(Role.MANAGER);
		assertThat(mia.managerId()).isEqualTo(vic.id());
		assertThat(vic.role()).isEqualTo(Role.EXECUTIVE);
		assertThat(vic.managerId()).isNull();
		assertThat(user(email("ed")).role()).isEqualTo(Role.EXECUTIVE);
		// the file's two people who manage each other: the second one's manager is set,
		// the first's would close a circle and is not
		User cy = user(email("cy"));
		User dee = user(email("dee"));
		assertThat(dee.managerId()).isEqualTo(cy.id());
		assertThat(cy.managerId()).isNull();
		assertThat(report(admin, done)).contains("Their manager was not set").contains("circle");
		// nobody signs in as an imported user until an administrator sets a password
		String hash = this.jdbc.sql("select password_hash from users where id = :id")
			.param("id", ann.id())
			.query(String.class)
			.single();
		assertThat(hash).isNotBlank();

		// the same file again: every person is found by e-mail, nothing changes
		ImportJob again = upload(admin, ImportTarget.USER, csv);
		again = this.imports.configure(admin, again.id(), again.version(),
				new ImportSettings(again.settings().columns(),
						Map.of("role", Map.of("Chief Vibes Officer", "EXECUTIVE")), again.settings().references(), null,
						OnMatch.UPDATE, null, null, null, null));
		ImportJob repeated = finished(admin, this.imports.start(admin, again.id()));
		assertThat(repeated.created()).isZero();
		assertThat(repeated.updated()).isZero();
		assertThat(repeated.skipped()).isEqualTo(5);
		// the bad address, and Cy: the circle is tried again and refused, saying why
		assertThat(repeated.rejected()).isEqualTo(2);
		assertThat(report(admin, repeated)).contains("circle");

		// undo: the people are deactivated (never deleted), except one changed since
		User edited = user(email("vic"));
		this.directory.update(edited.id(), edited.version(), new UserProfile(edited.username(), edited.fullName(),
				edited.email(), "Chief Revenue Officer", edited.role(), null, null, "EMEA", null), admin.id());
		ImportJob undone = finished(admin, this.imports.undo(admin, job.id()));
		assertThat(undone.kept()).as(report(admin, undone)).isEqualTo(1);
		assertThat(user(email("ann")).active()).isFalse();
		assertThat(user(email("mia")).active()).isFalse();
		assertThat(user(email("vic")).active()).isTrue();
	}

	@Test
	void onlyAdministratorsImportUsers() {
		Viewer salesAdmin = TestUsers.viewer(this.users.create(Role.SALES_ADMIN));
		assertThatThrownBy(() -> upload(salesAdmin, ImportTarget.USER, "Email\nx@example.com\n"))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("Only administrators");
		assertThat(ImportJobs.targets(salesAdmin)).doesNotContain(ImportTarget.USER).contains(ImportTarget.PRODUCT);
	}

	@Test
	void productsAndLineItemsComeInWithNearMissesSuggested() throws Exception {
		Viewer admin = TestUsers.viewer(this.users.create(Role.SALES_ADMIN));
		ImportJob catalogue = finished(admin, this.imports.start(admin, upload(admin, ImportTarget.PRODUCT, """
				Product Code,Product Name,List Price,Active
				PS-%1$s,ProSuite %1$s,"1,200.00",Yes
				BX-%1$s,Basic %1$s,99,Discontinued
				,No Code %1$s,10,
				""".formatted(this.tag)).id()));
		assertThat(catalogue.created()).isEqualTo(2);
		assertThat(catalogue.rejected()).isEqualTo(1);
		Product suite = this.products.all()
			.stream()
			.filter(p -> p.code().equals("PS-" + this.tag))
			.findFirst()
			.orElseThrow();
		assertThat(suite.listPrice()).isEqualByComparingTo("1200");
		assertThat(suite.active()).isTrue();
		assertThat(this.products.all()
			.stream()
			.filter(p -> p.code().equals("BX-" + this.tag))
			.findFirst()
			.orElseThrow()
			.active()).isFalse();

		ImportJob deals = finished(admin, this.imports.start(admin, upload(admin, ImportTarget.OPPORTUNITY, """
				Opportunity ID,Opportunity Name,Account Name,Stage,Close Date,Amount
				D-%1$s,Deal %1$s,Acme %1$s,Prospecting,2027-01-31,5000
				""".formatted(this.tag)).id()));
		assertThat(deals.created()).isEqualTo(1);
		UUID dealId = this.opportunities.idsByExternalId(List.of("D-" + this.tag)).get("D-" + this.tag);
		Opportunity before = this.opportunities.get(admin, dealId);

		ImportJob lines = upload(admin, ImportTarget.LINE_ITEM, """
				Line Item ID,Opportunity ID,Product,Quantity,Sales Price,Discount
				L1-%1$s,D-%1$s,Pro Suite %1$s,3,,10%%
				L2-%1$s,D-%1$s,PS-%1$s,"1,5",100,
				L3-%1$s,D-%1$s,BX-%1$s,1,,
				L4-%1$s,Nope-%1$s,PS-%1$s,1,,
				""".formatted(this.tag));
		assertThat(lines.settings().columns()).containsEntry("Opportunity ID", "opportunity")
			.containsEntry("Product", "product")
			.containsEntry("Sales Price", "unitPrice");
		ImportPreview preview = this.imports.preview(admin, lines.id());
		assertThat(preview.create()).isEqualTo(1);
		assertThat(preview.reject()).isEqualTo(3);
		assertThat(preview.questions()).singleElement().satisfies(question -> {
			assertThat(question.field()).isEqualTo("product");
			assertThat(question.value()).isEqualTo("Pro Suite " + this.tag);
			assertThat(question.suggestion().value()).isEqualTo(suite.id().toString());
		});
		assertThat(preview.problems()).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(2);
			assertThat(problem.message()).contains("did you mean ProSuite " + this.tag);
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(4);
			assertThat(problem.message()).contains("no longer sold");
		}).anySatisfy(problem -> {
			assertThat(problem.row()).isEqualTo(5);
			assertThat(problem.field()).isEqualTo("opportunity");
		});
		lines = this.imports.configure(admin, lines.id(), lines.version(),
				new ImportSettings(lines.settings().columns(),
						Map.of("product", Map.of("Pro Suite " + this.tag, suite.id().toString())),
						lines.settings().references(), null, null, null, null, null, null));
		assertThat(this.imports.preview(admin, lines.id()).create()).isEqualTo(2);
		ImportJob added = finished(admin, this.imports.start(admin, lines.id()));
		assertThat(added.created()).isEqualTo(2);
		List<LineItem> items = this.opportunities.lineItems(admin, dealId);
		assertThat(items).extracting(LineItem::total)
			.map(total -> total.toPlainString())
			.containsExactly("3240.00", "150.00");
		// an import's line items are no one's work on the deal
		assertThat(this.opportunities.get(admin, dealId).lastTouchedAt()).isEqualTo(before.lastTouchedAt());

		// a product a deal has now stays with the catalogue's undo; the unused one goes
		ImportJob catalogueUndone = finished(admin, this.imports.undo(admin, catalogue.id()));
		assertThat(catalogueUndone.undone()).isEqualTo(1);
		assertThat(catalogueUndone.kept()).isEqualTo(1);
		assertThat(report(admin, catalogueUndone)).contains("Deals have this product now");
		assertThat(this.products.find(suite.id())).isPresent();

		// the line items' undo: one changed since is kept
		LineItem changed = this.opportunities.lineItems(admin, dealId).get(1);
		this.opportunities.updateLineItem(admin, dealId, changed.id(), changed.version(),
				new dev.bellwether.sales.LineItemDetails(changed.productId(), changed.quantity(), changed.unitPrice(),
						java.math.BigDecimal.ONE, changed.description()));
		ImportJob linesUndone = finished(admin, this.imports.undo(admin, added.id()));
		assertThat(linesUndone.undone()).isEqualTo(1);
		assertThat(linesUndone.kept()).isEqualTo(1);
		assertThat(this.opportunities.lineItems(admin, dealId)).extracting(LineItem::id).containsExactly(changed.id());
	}

}
