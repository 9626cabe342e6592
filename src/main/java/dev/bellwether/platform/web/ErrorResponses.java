package dev.bellwether.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error once. API requests ({@code /api/...}) get an RFC 9457 problem document
 * — with per-field errors for invalid input — and never a stack trace; page requests get
 * the error page for the status, with the domain's own message where it is meant for
 * people.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorResponses extends ResponseEntityExceptionHandler {

	/** Request attribute holding a message for the error page. */
	static final String DETAIL_ATTRIBUTE = ErrorResponses.class.getName() + ".detail";

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

	@ExceptionHandler(RecordNotFoundException.class)
	ResponseEntity<Object> notFound(RecordNotFoundException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return respond(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null, request, response);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Object> forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		List<Map<String, String>> errors = ex.field() == null ? null
				: List.of(Map.of("field", ex.field(), "message", ex.getMessage()));
		return respond(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), errors, request, response);
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(org.springframework.security.access.AccessDeniedException ex,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		return respond(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", null, request, response);
	}

	@ExceptionHandler(StaleRecordException.class)
	ResponseEntity<Object> conflict(StaleRecordException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return respond(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), null, request, response);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		List<Map<String, String>> errors = ex.fieldErrors()
			.entrySet()
			.stream()
			.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList();
		return respond(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage(), errors, request, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return respond(HttpStatus.NOT_FOUND, "Not found", "'" + ex.getValue() + "' is not a valid id.", null,
					request, response);
		}
		String message = "'" + ex.getValue() + "' is not a valid value for '" + ex.getName() + "'.";
		return respond(HttpStatus.BAD_REQUEST, "Invalid input", message,
				List.of(Map.of("field", ex.getName(), "message", message)), request, response);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; it has been logged.", null, request, response);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors
				.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors
					.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "message",
							String.valueOf(error.getDefaultMessage())))));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimit.BodyTooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						"The request body is larger than the configured limit (bellwether.api.max-body-size).");
				problem.setTitle("Payload too large");
				return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
			try {
				servlet.getResponse().sendError(statusCode.value());
			}
			catch (IOException ioe) {
				log.debug("Could not send error page", ioe);
			}
			return null;
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Names what is wrong with an unreadable JSON body: where, and what was expected.
	 */
	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		for (Throwable candidate = ex.getCause(); candidate != null; candidate = candidate.getCause()) {
			// the outermost Jackson exception knows the field's path, even when a parser
			// of a
			// value (a date) failed underneath it
			if (candidate instanceof JacksonException) {
				cause = candidate;
				break;
			}
		}
		if (cause instanceof tools.jackson.databind.exc.InvalidFormatException invalid
				&& invalid.getTargetType() != null) {
			String path = path((JacksonException) cause);
			String expected = expected(invalid.getTargetType());
			if (expected != null && !path.isEmpty()) {
				return "Field '" + path + "': '" + invalid.getValue() + "' is not " + expected + ".";
			}
		}
		if (cause instanceof JacksonException jackson) {
			String path = path(jackson);
			String message = jackson.getOriginalMessage();
			int detailStart = message == null ? -1 : message.indexOf(" (for ");
			if (detailStart > 0) {
				message = message.substring(0, detailStart);
			}
			int location = message == null ? -1 : message.indexOf("\n");
			if (location > 0) {
				message = message.substring(0, location);
			}
			String where = jackson.getLocation() == null ? "" : " (line " + jackson.getLocation().getLineNr()
					+ ", column " + jackson.getLocation().getColumnNr() + ")";
			return (path.isEmpty() ? "The request body is not valid JSON: " : "Field '" + path + "': ") + message
					+ where;
		}
		return "The request body is missing or is not valid JSON.";
	}

	private static String path(JacksonException jackson) {
		return jackson.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	/**
	 * @return what a value of the type looks like, for people, or {@code null} when there
	 * is nothing better to say than the parser's message
	 */
	private static String expected(Class<?> type) {
		if (type == java.time.LocalDate.class) {
			return "a date; use YYYY-MM-DD";
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return "a date and time; use ISO 8601, e.g. 2026-11-23T14:30:00Z";
		}
		if (type == java.util.UUID.class) {
			return "an id (a UUID)";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		return null;
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ResponseEntity<Object> respond(HttpStatus status, String title, String detail,
			List<Map<String, String>> errors, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!isApi(request)) {
			request.setAttribute(DETAIL_ATTRIBUTE, detail);
			response.sendError(status.value());
			return null;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
