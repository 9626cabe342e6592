package dev.bellwether.platform.edit.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.edit.EditableField;
import dev.bellwether.platform.edit.FieldConflictException;
import dev.bellwether.platform.edit.FieldValue;
import dev.bellwether.platform.edit.InlineEdit;
import dev.bellwether.platform.web.SignedInUser;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One field of one record, changed in place: by API clients under {@code /api/v1}, and by
 * the pages' script under {@code /edit} (signed in by session, with the CSRF header).
 * Errors are problem documents on both paths, so the page can show them in place.
 */
@RestController
@Tag(name = "Inline edit", description = "One field of one account, contact, deal or activity at a time, with the "
		+ "version read: a stale version is a 409 whose problem document carries the field as it is now (current: "
		+ "value, display, version, changedBy, changedAt).")
class InlineEditController {

	private final InlineEdit edit;

	private final ObjectProvider<SignedInUser> user;

	InlineEditController(InlineEdit edit, ObjectProvider<SignedInUser> user) {
		this.edit = edit;
		this.user = user;
	}

	@Usage(value = UsageKind.API_CALL, ignore = true)
	@GetMapping({ "/api/v1/fields/{recordType}", "/edit/fields/{recordType}" })
	@Operation(summary = "The fields of a record type that can be changed one at a time",
			description = "recordType is accounts, contacts, opportunities, activities or leads; each field with its input "
					+ "(TEXT, TEXTAREA, NUMBER, MONEY, DATE, SELECT) and, for SELECT, the values to choose from.")
	List<EditableField> fields(@PathVariable String recordType) {
		return this.edit.fields(recordType);
	}

	@PatchMapping({ "/api/v1/{recordType:accounts|contacts|opportunities|activities|leads}/{id}/fields/{field}",
			"/edit/{recordType:accounts|contacts|opportunities|activities|leads}/{id}/fields/{field}" })
	@Operation(summary = "Change one field of a record",
			description = "value as text: an id for owner and stage, YYYY-MM-DD for dates, a plain number for "
					+ "amounts, a constant for forecast category, status and priority; empty to clear. Answers the "
					+ "new value, its display text and the record's new version. Invalid values are a 400, a stale "
					+ "version a 409 with the current value and who changed it.")
	FieldAnswer change(@Parameter(
			description = "accounts, contacts, opportunities, activities or leads") @PathVariable String recordType,
			@PathVariable UUID id, @PathVariable String field, @RequestBody FieldChangeRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "Send the version of the record you read.");
		}
		FieldValue saved = this.edit.edit(this.user.getObject().required(), recordType, id, field, request.value(),
				request.version());
		return FieldAnswer.of(field, saved);
	}

	@ExceptionHandler(FieldConflictException.class)
	ResponseEntity<ProblemDetail> conflict(FieldConflictException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), request);
		problem.setProperty("field", ex.field());
		problem.setProperty("current", FieldAnswer.of(ex.field(), ex.current()));
		return answer(problem);
	}

	@ExceptionHandler(StaleRecordException.class)
	ResponseEntity<ProblemDetail> stale(StaleRecordException ex, HttpServletRequest request) {
		return answer(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), request));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage(), request);
		problem.setProperty("errors",
				ex.fieldErrors()
					.entrySet()
					.stream()
					.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
					.toList());
		return answer(problem);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex, HttpServletRequest request) {
		return answer(problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), request));
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(RecordNotFoundException ex, HttpServletRequest request) {
		return answer(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), request));
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * @param value the new value as text; empty or null to clear the field
	 * @param version the version of the record read
	 */
	record FieldChangeRequest(@Schema(example = "2026-09-30") String value,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") Long version) {
	}

	/**
	 * A field as it is now.
	 */
	record FieldAnswer(String field, String value, String display, long version, String changedBy,
			java.time.Instant changedAt) {

		static FieldAnswer of(String field, FieldValue value) {
			return new FieldAnswer(field, value.value(), value.display(), value.version(), value.changedBy(),
					value.changedAt());
		}

	}

}
