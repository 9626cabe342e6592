package dev.bellwether.platform;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangeTests {

	@Test
	void recordsOnlyFieldsWhoseValueChanged() {
		var changes = new FieldChange.Diff().compare("name", "Acme", "Acme Corp")
			.compare("city", "Berlin", "Berlin")
			.compare("phone", null, "+49 30 1234")
			.changes();

		assertThat(changes).containsExactly(new FieldChange("name", "Acme", "Acme Corp"),
				new FieldChange("phone", null, "+49 30 1234"));
	}

	@Test
	void treatsEmptyTextAsNoValue() {
		assertThat(new FieldChange.Diff().compare("title", "", null).changes()).isEmpty();
	}

	@Test
	void comparesAmountsByValueNotScale() {
		assertThat(new FieldChange.Diff().compare("revenue", new BigDecimal("10.0"), new BigDecimal("10.00")).changes())
			.isEmpty();
		assertThat(new FieldChange.Diff().compare("revenue", new BigDecimal("10"), new BigDecimal("10.50")).changes())
			.containsExactly(new FieldChange("revenue", "10", "10.5"));
	}

}
