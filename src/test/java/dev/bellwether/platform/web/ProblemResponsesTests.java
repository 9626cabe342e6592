package dev.bellwether.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

	@Test
	void quotesJsonStringsSafely() {
		assertThat(ProblemResponses.quote("say \"hi\"\n\\ \u0001")).isEqualTo("\"say \\\"hi\\\"\\n\\\\ \\u0001\"");
		assertThat(ProblemResponses.quote(null)).isEqualTo("null");
	}

}
