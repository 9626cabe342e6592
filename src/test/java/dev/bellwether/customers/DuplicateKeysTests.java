package dev.bellwether.customers;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking keys duplicate detection joins on (V45__duplicates.sql).
 */
@IntegrationTest
class DuplicateKeysTests {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			ACME, Inc.                  | acme
			Acme Inc                    | acme
			acme                        | acme
			Globex Corporation          | globex
			Globex Corp.                | globex
			Müller GmbH                 | müller
			Société Générale S.A.       | société générale
			Initech Ltd                 | initech
			Initech Limited             | initech
			Hooli LLC                   | hooli
			Tesco plc                   | tesco
			Coca-Cola Company           | coca cola
			Costco                      | costco
			Inc.                        | NULL
			""")
	void companyNamesLoseCasePunctuationAndLegalForm(String name, String key) {
		assertThat(this.jdbc.sql("select customer_match_name(:name)")
			.param("name", name)
			.query(String.class)
			.list()
			.get(0)).isEqualTo(key);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			Ada    | Lovelace  | ada lovelace
			ADA    | LOVELACE  | ada lovelace
			NULL   | O'Brien   | o brien
			Jean-Luc | Picard  | jean luc picard
			""")
	void personNamesLoseCaseAndPunctuation(String first, String last, String key) {
		assertThat(this.jdbc.sql("select customer_match_person(:first, :last)")
			.param("first", first)
			.param("last", last)
			.query(String.class)
			.list()
			.get(0)).isEqualTo(key);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			+1 (555) 010-0100 | 15550100100
			555.010.0100      | 5550100100
			NULL              | NULL
			""")
	void phoneNumbersKeepTheirDigits(String phone, String digits) {
		assertThat(this.jdbc.sql("select customer_phone_digits(:phone)")
			.param("phone", phone)
			.query(String.class)
			.list()
			.get(0)).isEqualTo(digits);
	}

}
