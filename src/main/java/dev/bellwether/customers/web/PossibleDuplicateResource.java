package dev.bellwether.customers.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.PossibleDuplicate;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that one about to be created may duplicate, as the API shows it.
 */
record PossibleDuplicateResource(@Schema(description = "The record; null when it is one you may not see") UUID id,
		@Schema(description = "Its name; null when it is a record you may not see", example = "Acme Inc") String name,
		@Schema(description = "false for a record you may not see: only that it exists is said") boolean visible,
		@Schema(description = "What they share, strongest first, joined by +, as the duplicate detection names it: "
				+ "NAME, DOMAIN (accounts); EMAIL, NAME_IN_ACCOUNT (contacts)", example = "NAME+DOMAIN") String reason,
		@Schema(description = "How sure, 0 to 1", example = "0.980") BigDecimal score,
		@Schema(description = "The reason in words", example = "same name, same domain acme.com") String because) {

	static PossibleDuplicateResource of(PossibleDuplicate duplicate) {
		return new PossibleDuplicateResource(duplicate.id(), duplicate.name(), !duplicate.hidden(), duplicate.reason(),
				duplicate.score(), duplicate.because());
	}

	static List<PossibleDuplicateResource> of(List<PossibleDuplicate> duplicates) {
		return duplicates.stream().map(PossibleDuplicateResource::of).toList();
	}

	/**
	 * Holds a create back when the record may duplicate others.
	 * @throws ErrorResponseException 409, with the candidates in {@code duplicates}, when
	 * there are any
	 */
	static void refuseAny(String recordType, List<PossibleDuplicate> duplicates) {
		if (duplicates.isEmpty()) {
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This " + recordType + " may duplicate " + duplicates.size()
						+ (duplicates.size() == 1 ? " that exists" : " that exist")
						+ "; nothing was created. Send it again without refuseDuplicates to create it anyway.");
		problem.setTitle("Possible duplicate");
		problem.setProperty("duplicates", of(duplicates));
		throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

}
