package dev.bellwether.adoption.internal.capture;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.adoption.internal.capture.UsageEvent.Client;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.UsageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns each successful GET by a signed-in user into a usage event, after the response is
 * complete:
 * <ul>
 * <li>a handler with {@code @Usage} counts as it says (kind, record type, and the record
 * id from its path variable), unless it says {@code ignore};</li>
 * <li>otherwise a call under {@code /api/} is an {@code API_CALL}, and an HTML page a
 * {@code VIEW} of its module with no record type; anything else (JSON look-ups for
 * pickers) is not counted.</li>
 * </ul>
 * Not counted: failed requests (status 400 and up), anything but GET (changes are counted
 * from {@code RecordChanged} events), handlers outside the application (static resources,
 * actuator, error pages), and htmx requests a page makes for parts of itself: an htmx
 * request counts only when its handler declares {@code @Usage} and it comes from the
 * handler's own page (a list re-filtered, the board re-drawn), not when another page
 * loads it as a fragment (an account page loading its deals), which that page's own view
 * already counts.
 */
class UsageInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(UsageInterceptor.class);

	private final UsageRecorder recorder;

	private final Clock clock;

	private final Map<HandlerMethod, HandlerUsage> handlers = new ConcurrentHashMap<>();

	UsageInterceptor(UsageRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!this.recorder.isEnabled() || ex != null || response.getStatus() >= 400
				|| !"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
			return;
		}
		try {
			capture(request, response, method);
		}
		catch (RuntimeException failure) {
			// capture must never fail a request
			log.debug("Could not capture usage of {}", request.getRequestURI(), failure);
		}
	}

	private void capture(HttpServletRequest request, HttpServletResponse response, HandlerMethod method) {
		HandlerUsage usage = this.handlers.computeIfAbsent(method, HandlerUsage::of);
		if (!usage.counted()) {
			return;
		}
		Optional<Viewer> viewer = Viewer.current();
		if (viewer.isEmpty()) {
			return;
		}
		boolean api = Client.of(request) == Client.API;
		if (isHtmx(request) && (usage.declared() == null || fromAnotherPage(request))) {
			return;
		}
		UsageKind kind;
		String recordType = null;
		UUID recordId = null;
		if (usage.declared() != null) {
			kind = usage.kind();
			recordType = usage.recordType();
			if (recordType != null) {
				recordId = pathVariableId(request, usage.idVariable());
			}
		}
		else if (api) {
			kind = UsageKind.API_CALL;
		}
		else if (isHtml(response)) {
			kind = UsageKind.VIEW;
		}
		else {
			return;
		}
		this.recorder.record(new UsageEvent(viewer.get().id(), this.clock.instant(), kind, usage.module(), recordType,
				recordId, api ? Client.API : Client.WEB));
	}

	private static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/**
	 * Whether an htmx request was made by a page at another path than its own (htmx sends
	 * the page's address as {@code HX-Current-URL}).
	 */
	private static boolean fromAnotherPage(HttpServletRequest request) {
		String page = request.getHeader("HX-Current-URL");
		if (page == null) {
			return false;
		}
		try {
			String path = URI.create(page).getRawPath();
			return path != null && !path.equals(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isHtml(HttpServletResponse response) {
		String type = response.getContentType();
		return type != null && type.startsWith("text/html");
	}

	private static UUID pathVariableId(HttpServletRequest request, String name) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
			return null;
		}
		if (!(variables.get(name) instanceof String value)) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
