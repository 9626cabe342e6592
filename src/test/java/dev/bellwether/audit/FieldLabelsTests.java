package dev.bellwether.audit;

import java.util.List;

import dev.bellwether.platform.ChangeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldLabelsTests {

	@ParameterizedTest
	@CsvSource({ "name, Name", "billingPostalCode, Billing postal code", "ownerId, Owner",
			"primaryContactId, Primary contact", "annualRevenue, Annual revenue", "id, Id" })
	void labelsFieldsForPeople(String field, String label) {
		assertThat(FieldLabels.of(field)).isEqualTo(label);
	}

	@Test
	void summarisesAnUpdateByItsFields() {
		assertThat(FieldLabels.summary(ChangeKind.UPDATED, List.of("phone", "website")))
			.isEqualTo("Updated phone, website");
	}

	@Test
	void summarisesOtherChangesByWhatHappened() {
		assertThat(FieldLabels.summary(ChangeKind.CREATED, List.of("name"))).isEqualTo("Created");
		assertThat(FieldLabels.summary(ChangeKind.DELETED, List.of())).isEqualTo("Moved to the recycle bin");
		assertThat(FieldLabels.summary(ChangeKind.RESTORED, List.of())).isEqualTo("Restored from the recycle bin");
		assertThat(FieldLabels.summary(ChangeKind.PURGED, List.of())).isEqualTo("Deleted for good");
	}

}
