package dev.bellwether.platform;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators and API clients rely on without signing in, and what the web door
 * refuses.
 */
@IntegrationTest
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsUpWithoutMailConfigured() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void prometheusMetricsAreExposed() throws Exception {
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

	@Test
	void openApiDocumentDescribesTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/accounts']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts/{id}'].put").exists());
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
