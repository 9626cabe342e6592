package dev.bellwether.service.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTokenTests {

	@Test
	void findsTheTokenWhereverMailProgramsLeaveIt() {
		assertThat(CaseToken.find("Re: Fwd: Printer down [Case #1042]")).hasValue(1042);
		assertThat(CaseToken.find("AW: WG: [case #7] Rechnung")).hasValue(7);
		assertThat(CaseToken.find("RE: Printer down [Case#1042]")).hasValue(1042);
		assertThat(CaseToken.find("Re: (Case 55) still broken")).hasValue(55);
		assertThat(CaseToken.find("Re: [Case # 9 ] a [Case #10]")).hasValue(9);
	}

	@Test
	void findsNoTokenInOrdinarySubjects() {
		assertThat(CaseToken.find("Case 1042 is still open")).isEmpty();
		assertThat(CaseToken.find("Order #1042")).isEmpty();
		assertThat(CaseToken.find("[Case #]")).isEmpty();
		assertThat(CaseToken.find(null)).isEmpty();
	}

	@Test
	void aSubjectCarriesTheTokenOnce() {
		assertThat(CaseToken.subject("Re:", "Printer down", 1042)).isEqualTo("Re: Printer down [Case #1042]");
		assertThat(CaseToken.subject("Re:", "Printer down [Case #1042]", 1042))
			.isEqualTo("Re: Printer down [Case #1042]");
	}

}
