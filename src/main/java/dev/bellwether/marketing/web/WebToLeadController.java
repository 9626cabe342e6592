package dev.bellwether.marketing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.marketing.WebLeadClient;
import dev.bellwether.marketing.WebLeadIntake;
import dev.bellwether.marketing.WebLeadPost;
import dev.bellwether.marketing.WebLeadReceipt;
import dev.bellwether.marketing.WebToLeadProperties;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public web-to-lead endpoint, {@code POST /w2l/{formKey}}: no sign-in, no CSRF token
 * (see {@link WebLeadIntake} for what protects it instead). An HTML form on a customer's
 * site posts {@code application/x-www-form-urlencoded} and gets a 303 to the form's
 * thank-you page (or Bellwether's), or a small page saying what is wrong; a script posts
 * {@code application/json} and gets 202 with a small JSON body, or a problem document.
 * Bodies over {@code bellwether.web-to-lead.max-body-size} are refused (413) before
 * anything is parsed.
 */
@Controller
class WebToLeadController {

	static final String THANKS = "/w2l/thanks";

	private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;

	private final WebLeadIntake intake;

	private final WebToLeadProperties properties;

	private final JsonMapper json;

	WebToLeadController(WebLeadIntake intake, WebToLeadProperties properties, JsonMapper json) {
		this.intake = intake;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping(THANKS)
	ModelAndView thanks() {
		return answer(HttpStatus.OK, "Thank you", List.of("We have received your details and will be in touch."));
	}

	@PostMapping(path = "/w2l/{formKey}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> postJson(@PathVariable String formKey, HttpServletRequest request) throws IOException {
		byte[] body = body(request);
		if (body == null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge(), null);
		}
		Map<String, String> fields;
		try {
			fields = jsonFields(body);
		}
		catch (JacksonException ex) {
			return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON.", null);
		}
		catch (InvalidInputException ex) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.fieldErrors());
		}
		try {
			WebLeadReceipt receipt = this.intake.receive(formKey, post(fields), client(request));
			return switch (receipt.outcome()) {
				case RECEIVED, SPAM -> ResponseEntity.status(HttpStatus.ACCEPTED)
					.body(Map.of("status", "received", "message", "Thank you: we have received your details."));
				case RATE_LIMITED -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(receipt.retryAfterSeconds()))
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problemDetail(HttpStatus.TOO_MANY_REQUESTS, rateLimited(receipt), null));
				case UNAVAILABLE -> problem(HttpStatus.SERVICE_UNAVAILABLE, unavailable(), null);
			};
		}
		catch (RecordNotFoundException ex) {
			return problem(HttpStatus.NOT_FOUND, notFound(), null);
		}
		catch (ForbiddenException ex) {
			return problem(HttpStatus.FORBIDDEN, ex.getMessage(), Map.of("origin", ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Some fields need correcting.", ex.fieldErrors());
		}
	}

	@PostMapping(path = "/w2l/{formKey}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView postForm(@PathVariable String formKey, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] body = body(request);
		if (body == null) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "Too much text", List.of(tooLarge()));
		}
		Map<String, String> fields;
		try {
			fields = formFields(body, charset(request), request);
		}
		catch (IllegalArgumentException ex) {
			return answer(HttpStatus.BAD_REQUEST, "The form could not be read",
					List.of("The form's data is not properly encoded."));
		}
		try {
			WebLeadReceipt receipt = this.intake.receive(formKey, post(fields), client(request));
			return switch (receipt.outcome()) {
				case RECEIVED, SPAM -> new ModelAndView(
						"redirect:" + (StringUtils.hasText(receipt.thankYouUrl()) ? receipt.thankYouUrl() : THANKS),
						HttpStatus.SEE_OTHER);
				case RATE_LIMITED -> {
					response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(receipt.retryAfterSeconds()));
					yield answer(HttpStatus.TOO_MANY_REQUESTS, "Please wait a moment", List.of(rateLimited(receipt)));
				}
				case UNAVAILABLE ->
					answer(HttpStatus.SERVICE_UNAVAILABLE, "This form is closed for now", List.of(unavailable()));
			};
		}
		catch (RecordNotFoundException ex) {
			return answer(HttpStatus.NOT_FOUND, "No such form", List.of(notFound()));
		}
		catch (ForbiddenException ex) {
			return answer(HttpStatus.FORBIDDEN, "Not from this site", List.of(ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			List<String> messages = new ArrayList<>();
			ex.fieldErrors().forEach((field, message) -> messages.add(field.replace('_', ' ') + ": " + message));
			return answer(HttpStatus.BAD_REQUEST, "Please go back and correct the form", messages);
		}
	}

	/** Any other content type (or none). */
	@PostMapping("/w2l/{formKey}")
	ResponseEntity<Object> postOther(@PathVariable String formKey) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the form as application/x-www-form-urlencoded (an HTML form) or application/json.", null);
	}

	/**
	 * @return the body, or {@code null} when it is larger than the limit (declared or
	 * found out while reading)
	 */
	private byte[] body(HttpServletRequest request) throws IOException {
		long max = this.properties.maxBodySize().toBytes();
		if (request.getContentLengthLong() > max) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try (InputStream in = request.getInputStream()) {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				if (out.size() > max) {
					return null;
				}
			}
		}
		return out.toByteArray();
	}

	private Map<String, String> jsonFields(byte[] body) {
		JsonNode root = this.json.readTree(body);
		if (root == null || !root.isObject()) {
			throw new InvalidInputException(Map.of("body", "Send one JSON object with the form's fields."));
		}
		Map<String, String> fields = new HashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			JsonNode value = field.getValue();
			if (value.isNull()) {
				continue;
			}
			if (value.isContainer()) {
				errors.put(field.getKey(), "Send text, not a list or an object.");
			}
			else {
				fields.put(field.getKey(), value.asString());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return fields;
	}

	/**
	 * The fields of an urlencoded body (the first of a name sent twice); the request's
	 * parameters when something read the body before.
	 */
	private static Map<String, String> formFields(byte[] body, Charset charset, HttpServletRequest request) {
		Map<String, String> fields = new HashMap<>();
		if (body.length == 0) {
			request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
			return fields;
		}
		for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), charset);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
			fields.putIfAbsent(name, value);
		}
		return fields;
	}

	private static Charset charset(HttpServletRequest request) {
		try {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			return (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static WebLeadPost post(Map<String, String> fields) {
		String message = fields.containsKey("message") ? fields.get("message") : fields.get("description");
		return new WebLeadPost(fields.get("first_name"), fields.get("last_name"), fields.get("company"),
				fields.get("title"), fields.get("email"), fields.get("phone"), fields.get("country"), message,
				isTicked(fields.get("consent")), fields.get(WebLeadPost.HONEYPOT_FIELD), fields.get("page_url"));
	}

	private static boolean isTicked(String value) {
		return value != null && List.of("on", "true", "yes", "1").contains(value.trim().toLowerCase(Locale.ROOT));
	}

	private WebLeadClient client(HttpServletRequest request) {
		List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
		return new WebLeadClient(
				clientAddress(request.getRemoteAddr(), String.join(",", forwarded), this.properties.trustedProxies()),
				request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.REFERER),
				request.getHeader(HttpHeaders.USER_AGENT));
	}

	/**
	 * The connection's address, unless it is a trusted proxy: then the right-most
	 * {@code X-Forwarded-For} entry that is not a trusted proxy itself (entries further
	 * left were written by the client and prove nothing).
	 */
	static String clientAddress(String remote, String forwardedFor, List<String> trustedProxies) {
		if (!StringUtils.hasText(forwardedFor) || !trustedProxies.contains(remote)) {
			return remote;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return remote;
	}

	private String tooLarge() {
		return "The form is larger than the limit of " + this.properties.maxBodySize().toKilobytes() + " KB.";
	}

	private static String rateLimited(WebLeadReceipt receipt) {
		return "Too many posts from your address in a minute; try again in " + receipt.retryAfterSeconds()
				+ " seconds.";
	}

	private static String notFound() {
		return "There is no active form with this key.";
	}

	private static String unavailable() {
		return "This form can't take submissions right now; please try again later.";
	}

	private static ModelAndView answer(HttpStatus status, String title, List<String> messages) {
		ModelAndView answer = new ModelAndView("marketing/web-lead-answer", status);
		answer.addObject("title", title);
		answer.addObject("messages", messages);
		answer.addObject("success", status.is2xxSuccessful());
		return answer;
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail, Map<String, String> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problemDetail(status, detail, errors));
	}

	private static ProblemDetail problemDetail(HttpStatus status, String detail, Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors",
					errors.entrySet().stream().map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
		}
		return problem;
	}

}
