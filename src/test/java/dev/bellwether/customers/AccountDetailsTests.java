package dev.bellwether.customers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDetailsTests {

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "https://www.acme.com/about, acme.com", "http://Acme.COM:8080, acme.com",
			"acme.co.uk, acme.co.uk", "www.globex.example?x=1, globex.example", "'', null", "null, null" })
	void derivesTheDomainFromTheWebsite(String website, String domain) {
		AccountDetails details = new AccountDetails("Acme", website, null, null, null, null, null, null, null, null,
				null, null, null, null);
		assertThat(details.domain()).isEqualTo(domain);
	}

}
