package dev.bellwether.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticResourceLinksTests {

	@Test
	void onlyLinksUnderTheStaticFoldersAndWebjarsAreStaticResources() {
		assertThat(StaticResourceLinks.isStaticResource("/webjars/chart.js/dist/chart.umd.min.js", "")).isTrue();
		assertThat(StaticResourceLinks.isStaticResource("/css/bellwether.css", "")).isTrue();
		assertThat(StaticResourceLinks.isStaticResource("/crm/js/home.js", "/crm")).isTrue();
		assertThat(StaticResourceLinks.isStaticResource("/opportunities?owner=1&stale=true", "")).isFalse();
		assertThat(StaticResourceLinks.isStaticResource("/swagger-ui.html", "")).isFalse();
		assertThat(StaticResourceLinks.isStaticResource("/adoption/scores.csv", "")).isFalse();
		assertThat(StaticResourceLinks.isStaticResource("/css/bellwether.css", "/crm")).isFalse();
	}

}
