package dev.bellwether.platform.web;

import java.util.Map;

import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestsTests {

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(a.name)", "city", "a.city");

	@Test
	void translatesSortPropertiesToColumnsAndAddsTieBreakers() {
		assertThat(PageRequests.orderBy(Sort.by(Sort.Order.desc("city"), Sort.Order.asc("name")), SORTABLE, "account",
				"a.id"))
			.isEqualTo("a.city desc nulls last, lower(a.name) asc nulls last, a.id");
	}

	@Test
	void refusesUnknownSortPropertiesWithoutEchoingSql() {
		assertThatThrownBy(
				() -> PageRequests.orderBy(Sort.by("name; drop table accounts"), SORTABLE, "account", "a.id"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Sort by one of: city, name");
	}

	@Test
	void sortLinksReverseTheCurrentColumn() {
		SortLinks links = SortLinks.of(Sort.by(Sort.Order.asc("name")));
		assertThat(links.next("name")).isEqualTo("name,desc");
		assertThat(links.next("city")).isEqualTo("city,asc");
		assertThat(links.state("name")).isEqualTo("ascending");
		assertThat(links.state("city")).isEqualTo("none");
	}

}
