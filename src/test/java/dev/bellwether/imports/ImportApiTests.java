package dev.bellwether.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import API and pages: upload, settings, preview, run, report and undo, with their
 * errors as problem details, and the rights on each.
 */
@IntegrationTest
class ImportApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	private static MockMultipartFile file(String name, String csv) {
		return new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void uploadConfigurePreviewRunReportAndUndo() throws Exception {
		User admin = this.users.create(Role.SALES_ADMIN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String body = this.mvc.perform(multipart("/api/v1/imports").file(file("contacts.csv", """
				First Name,Last Name,Email,Company
				Grace,Hopper %1$s,grace-%1$s@navy.example,Navy %1$s
				Alan,Turing %1$s,alan-%1$s@bletchley.example,
				""".formatted(tag))).param("target", "CONTACT").with(TestUsers.basic(admin)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.settings.columns['Last Name']").value("lastName"))
			.andExpect(jsonPath("$.settings.columns.Company").value("account"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");

		this.mvc.perform(get("/api/v1/imports/" + id + "/preview").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.create").value(2))
			.andExpect(jsonPath("$.referencesCreated.account").value(1));

		// a stale version is a conflict; a field that doesn't exist is a 400 naming it
		this.mvc
			.perform(put("/api/v1/imports/" + id + "/settings").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"version": 7, "settings": {"columns": {"Last Name": "lastName"}}}
						"""))
			.andExpect(status().isConflict());
		this.mvc
			.perform(put("/api/v1/imports/" + id + "/settings").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"version": 0, "settings": {"columns": {"Last Name": "surname"}}}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'columns')]").exists());
		this.mvc
			.perform(put("/api/v1/imports/" + id + "/settings").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"version": 0, "settings": {"columns": {"First Name": "firstName", "Last Name": "lastName",
						  "Email": "email", "Company": "account"}, "references": {"account": "REJECT"}}}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/v1/imports/" + id + "/preview").with(TestUsers.basic(admin)))
			.andExpect(jsonPath("$.create").value(1))
			.andExpect(jsonPath("$.reject").value(1))
			.andExpect(jsonPath("$.problems[0].row").value(2))
			.andExpect(jsonPath("$.problems[0].column").value("Company"));

		this.mvc.perform(post("/api/v1/imports/" + id + "/start").with(TestUsers.basic(admin)))
			.andExpect(status().isAccepted());
		awaitStatus(admin, id, "COMPLETED");
		this.mvc.perform(get("/api/v1/imports/" + id).with(TestUsers.basic(admin)))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.percent").value(100));
		String report = this.mvc.perform(get("/api/v1/imports/" + id + "/report").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("Row,Record type,Outcome,Record id,Message")
			.contains("REJECTED", "Navy " + tag)
			.contains("CREATED");

		this.mvc.perform(post("/api/v1/imports/" + id + "/undo").with(TestUsers.basic(admin)))
			.andExpect(status().isAccepted());
		awaitStatus(admin, id, "UNDONE");
		this.mvc.perform(post("/api/v1/imports/" + id + "/undo").with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void badInputAndOtherPeoplesImports() throws Exception {
		User admin = this.users.create(Role.SALES_ADMIN);
		User rep = this.users.create(Role.REP);
		this.mvc.perform(multipart("/api/v1/imports").param("target", "ACCOUNT").with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'file')]").exists());
		this.mvc
			.perform(multipart("/api/v1/imports").file(file("a.csv", "Name\nX\n"))
				.param("target", "ACCOUNT")
				.with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/api/v1/imports").file(file("a.csv", "Name\n"))
				.param("target", "ACCOUNT")
				.with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart("/api/v1/imports").file(file("a.csv", "Name\nX\n"))
				.param("target", "LEADS")
				.with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest());
		String body = this.mvc
			.perform(multipart("/api/v1/imports").file(file("a.csv", "Name\nX\n"))
				.param("target", "ACCOUNT")
				.with(TestUsers.basic(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		User otherAdmin = this.users.create(Role.SALES_ADMIN);
		this.mvc.perform(get("/api/v1/imports/" + id).with(TestUsers.basic(otherAdmin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/imports/" + UUID.randomUUID()).with(TestUsers.basic(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/imports/" + id + "/cancel").with(TestUsers.basic(admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/imports/fields/OPPORTUNITY").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'stage')].choices[0].label").exists());
	}

	@Test
	void pagesAreForSalesAdministrators() throws Exception {
		User admin = this.users.create(Role.SALES_ADMIN);
		User rep = this.users.create(Role.REP);
		var repSession = TestUsers.signIn(this.mvc, rep);
		var adminSession = TestUsers.signIn(this.mvc, admin);
		this.mvc.perform(get("/imports").with(repSession)).andExpect(status().isForbidden());
		this.mvc.perform(get("/imports").with(adminSession))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-upload\"")));
		String location = this.mvc
			.perform(multipart("/imports")
				.file(file("deals.csv", "Deal Name,Account,Stage,Close Date\nBig,Acme,Tecnical,2026-10-01\n"))
				.param("target", "OPPORTUNITY")
				.with(adminSession)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/imports/");
		this.mvc.perform(get(location).with(adminSession))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-columns\"")));
		this.mvc.perform(get(location + "/preview").with(adminSession))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-questions\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Tecnical")));
	}

	@Test
	void theBulkApiWritesManyRecordsInOneCallAsAnImport() throws Exception {
		User admin = this.users.create(Role.SALES_ADMIN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String body = this.mvc.perform(post("/api/v1/imports/records").with(TestUsers.basic(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"target": "OPPORTUNITY", "records": [
					  {"externalId": "B-%1$s-1", "name": "Bulk one", "account": "Bulk Co %1$s", "stage": "won",
					   "closeDate": "2025-06-30", "amount": 1250.50},
					  {"externalId": "B-%1$s-2", "name": "Bulk two", "account": "Bulk Co %1$s", "stage": "Proposal",
					   "closeDate": "2026-09-30", "amount": 99},
					  {"externalId": "B-%1$s-3", "name": "Bulk three", "account": "Bulk Co %1$s", "stage": "Nowhere",
					   "closeDate": "2026-09-30"}
					]}
					""".formatted(tag)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importJob.status").value("COMPLETED"))
			.andExpect(jsonPath("$.importJob.created").value(2))
			.andExpect(jsonPath("$.importJob.rejected").value(1))
			.andExpect(jsonPath("$.outcomes[?(@.index == 2)].outcome").value("REJECTED"))
			.andExpect(
					jsonPath("$.outcomes[?(@.index == 0 && @.recordType == 'opportunity')].outcome").value("CREATED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.importJob.id");
		assertThat(body).contains("'Nowhere' is not a stage");

		// the same records again, updating: matched by their external ids
		this.mvc
			.perform(post("/api/v1/imports/records").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"target": "OPPORTUNITY", "settings": {"onMatch": "UPDATE"}, "records": [
						  {"externalId": "B-%1$s-2", "amount": 150}
						]}
						""".formatted(tag)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importJob.updated").value(1));

		this.mvc
			.perform(post("/api/v1/imports/records").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"target": "OPPORTUNITY", "records": [{"colour": "red"}]}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'records')].message")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("'colour' is not a field"))));
		this.mvc.perform(post("/api/v1/imports/" + id + "/undo").with(TestUsers.basic(admin)))
			.andExpect(status().isAccepted());
		awaitStatus(admin, id, "UNDONE");
	}

	private void awaitStatus(User user, String id, String status) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String job = this.mvc.perform(get("/api/v1/imports/" + id).with(TestUsers.basic(user)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return status.equals(JsonPath.read(job, "$.status"));
		});
	}

}
