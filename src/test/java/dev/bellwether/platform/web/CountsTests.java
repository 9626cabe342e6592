package dev.bellwether.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTests {

	@Test
	void oneThingIsSingularEveryOtherNumberPlural() {
		assertThat(Counts.of(1, "deal", "deals")).isEqualTo("1 deal");
		assertThat(Counts.of(0, "deal", "deals")).isEqualTo("0 deals");
		assertThat(Counts.of(5, "deal", "deals")).isEqualTo("5 deals");
		assertThat(Counts.of(1250, "person", "people")).isEqualTo("1,250 people");
		assertThat(new Counts().count(1, "person", "people")).isEqualTo("1 person");
	}

}
