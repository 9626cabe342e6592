package dev.bellwether.platform.customfield;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import dev.bellwether.platform.customfield.CustomFieldType.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each type of custom field takes a value typed in a form or sent in the API, and
 * what it says when it can't.
 */
class CustomFieldTypeTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final List<String> TIERS = List.of("Gold", "Silver", "Bronze");

	private static Object parse(CustomFieldType type, Object raw) {
		return type.parse(raw, TIERS, BERLIN);
	}

	@Test
	void emptyValuesAreNoValue() {
		for (CustomFieldType type : CustomFieldType.values()) {
			assertThat(parse(type, null)).as(type.name()).isNull();
			assertThat(parse(type, "  ")).as(type.name()).isNull();
		}
	}

	@Test
	void textIsTrimmedAndLimited() {
		assertThat(parse(CustomFieldType.TEXT, "  Key account ")).isEqualTo("Key account");
		assertThatThrownBy(() -> parse(CustomFieldType.TEXT, "x".repeat(256))).isInstanceOf(InvalidValueException.class)
			.hasMessage("Keep it to 255 characters.");
		assertThat(parse(CustomFieldType.LONG_TEXT, "x".repeat(5000))).asString().hasSize(5000);
		assertThatThrownBy(() -> parse(CustomFieldType.TEXT, List.of("a")))
			.hasMessage("Send a single value, not a list.");
	}

	@ParameterizedTest
	@CsvSource({ "NUMBER,42,42", "NUMBER,3.50,3.5", "NUMBER,-7,-7", "MONEY,1250,1250.00", "MONEY,19.9,19.90",
			"PERCENT,12.5,12.5", "PERCENT,100,100", "PERCENT,0,0", "PERCENT,15%,15" })
	void numbersAreStoredAsDecimals(CustomFieldType type, String raw, String stored) {
		assertThat(parse(type, raw)).isEqualTo(new BigDecimal(stored));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "NUMBER|forty|Enter a number, such as 42 or 3.5.", "MONEY|12.345|Use at most 2 decimals.",
					"MONEY|a lot|Enter an amount such as 1250 or 1250.50.",
					"PERCENT|101|Enter a percentage from 0 to 100.", "PERCENT|-1|Enter a percentage from 0 to 100.",
					"NUMBER|1e20|That number is too large; keep it below 1,000,000,000,000,000." })
	void badNumbersAreRefusedWithAClearMessage(CustomFieldType type, String raw, String message) {
		assertThatThrownBy(() -> parse(type, raw)).isInstanceOf(InvalidValueException.class).hasMessage(message);
	}

	@Test
	void apiNumbersAreTakenAsTheyAre() {
		assertThat(parse(CustomFieldType.MONEY, 99.5)).isEqualTo(new BigDecimal("99.50"));
		assertThat(parse(CustomFieldType.NUMBER, 7)).isEqualTo(new BigDecimal("7"));
	}

	@Test
	void datesAndDateTimes() {
		assertThat(parse(CustomFieldType.DATE, "2026-06-17")).isEqualTo("2026-06-17");
		assertThatThrownBy(() -> parse(CustomFieldType.DATE, "17/06/2026"))
			.hasMessage("Enter a date as year-month-day, such as 2026-06-17.");
		assertThatThrownBy(() -> parse(CustomFieldType.DATE, "20260-01-01")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> parse(CustomFieldType.DATE, "1899-12-31"))
			.hasMessage("Enter a date from 1 Jan 1900 to 31 Dec 2999.");
		// a form's datetime-local is company time; the API may send an offset
		assertThat(parse(CustomFieldType.DATE_TIME, "2026-06-17T14:30")).isEqualTo("2026-06-17T12:30:00Z");
		assertThat(parse(CustomFieldType.DATE_TIME, "2026-06-17T14:30:00+02:00")).isEqualTo("2026-06-17T12:30:00Z");
		assertThatThrownBy(() -> parse(CustomFieldType.DATE_TIME, "tomorrow"))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void choicesMatchWithoutCaseAndKeepTheListsSpelling() {
		assertThat(parse(CustomFieldType.PICK_LIST, "gold")).isEqualTo("Gold");
		assertThatThrownBy(() -> parse(CustomFieldType.PICK_LIST, "Platinum"))
			.hasMessage("'Platinum' is not one of the choices: Gold, Silver, Bronze.");
		assertThat(parse(CustomFieldType.MULTI_SELECT, List.of("bronze", "Gold"))).isEqualTo(List.of("Gold", "Bronze"));
		assertThat(parse(CustomFieldType.MULTI_SELECT, ",Silver,gold")).isEqualTo(List.of("Gold", "Silver"));
		assertThat(parse(CustomFieldType.MULTI_SELECT, List.of())).isNull();
		assertThatThrownBy(() -> parse(CustomFieldType.MULTI_SELECT, List.of("Gold", "Tin")))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void checkboxesTakeBooleansAndWhatAFormPosts() {
		assertThat(parse(CustomFieldType.CHECKBOX, true)).isEqualTo(true);
		assertThat(parse(CustomFieldType.CHECKBOX, "false,true")).isEqualTo(true);
		assertThat(parse(CustomFieldType.CHECKBOX, "false")).isEqualTo(false);
		assertThatThrownBy(() -> parse(CustomFieldType.CHECKBOX, "maybe")).hasMessage("Send true or false.");
	}

	@Test
	void addressesAndPhoneNumbersAreCheckedLoosely() {
		assertThat(parse(CustomFieldType.URL, "example.com/pricing")).isEqualTo("example.com/pricing");
		assertThat(parse(CustomFieldType.URL, "https://www.example.com")).isEqualTo("https://www.example.com");
		assertThatThrownBy(() -> parse(CustomFieldType.URL, "not a url")).isInstanceOf(InvalidValueException.class);
		assertThat(parse(CustomFieldType.EMAIL, "ana@example.com")).isEqualTo("ana@example.com");
		assertThatThrownBy(() -> parse(CustomFieldType.EMAIL, "ana.example.com"))
			.hasMessage("Enter an e-mail address such as ana@example.com.");
		assertThat(parse(CustomFieldType.PHONE, "+49 (30) 123-456")).isEqualTo("+49 (30) 123-456");
		assertThatThrownBy(() -> parse(CustomFieldType.PHONE, "call me")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void aUserIsAnId() {
		assertThat(parse(CustomFieldType.USER, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"))
			.isEqualTo("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
		assertThatThrownBy(() -> parse(CustomFieldType.USER, "bob")).hasMessage("Choose a user (send the user's id).");
	}

	@Test
	void keysFollowFromLabels() {
		assertThat(CustomFields.keyOf("Contract end date")).isEqualTo("contractEndDate");
		assertThat(CustomFields.keyOf("NPS score")).isEqualTo("npsScore");
		assertThat(CustomFields.keyOf("Région d'achat")).isEqualTo("regionDAchat");
		assertThat(CustomFields.keyOf("2nd contact")).isEqualTo("f2ndContact");
		assertThat(CustomFields.keyOf("!!!")).isEmpty();
	}

	@Test
	void valuesRoundTripThroughJson() {
		CustomValues values = CustomValues.of(java.util.Map.of("tier", "Gold", "arr", new BigDecimal("1250.00"),
				"partner", true, "regions", List.of("EU", "US")));
		assertThat(CustomValues.fromJson(values.json())).isEqualTo(values);
		assertThat(CustomValues.fromJson("{}")).isSameAs(CustomValues.NONE);
	}

}
