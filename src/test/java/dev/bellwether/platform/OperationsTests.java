package dev.bellwether.platform;

import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators and API clients rely on, what is open without signing in (health probes
 * only), and what the web door refuses.
 */
@IntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void healthIsUpWithoutMailConfigured() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void probesAreOpenWithoutSigningIn() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	@Test
	void prometheusMetricsAreForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isForbidden());

		this.mvc.perform(get("/actuator/prometheus").with(TestUsers.basic(this.users.create(Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

	@Test
	void theApiDocumentAndSwaggerUiNeedSigningIn() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/swagger-ui.html").accept("text/html"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void openApiDocumentDescribesTheApiToAnyoneSignedIn() throws Exception {
		User rep = this.users.create(Role.REP);
		// by session (Swagger UI in the browser), as the API signs in, and as a test's
		// user
		for (RequestPostProcessor signedIn : List.of(TestUsers.signIn(this.mvc, rep), TestUsers.basic(rep),
				user("someone").roles("REP"))) {
			this.mvc.perform(get("/v3/api-docs").with(signedIn))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/v1/accounts']").exists())
				.andExpect(jsonPath("$.paths['/api/v1/accounts/{id}'].put").exists());
		}
	}

	@Test
	void pagesRequireSigningIn() throws Exception {
		this.mvc.perform(get("/accounts").accept("text/html"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void anHtmxRequestWithoutSessionIsSentToTheWholeSignInPage() throws Exception {
		this.mvc.perform(get("/accounts").header("HX-Request", "true").header("HX-Target", "results"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/login?expired"));
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

}
