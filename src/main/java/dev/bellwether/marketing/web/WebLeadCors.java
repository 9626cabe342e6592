package dev.bellwether.marketing.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.marketing.WebLeadForms;
import dev.bellwether.platform.web.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the public web-to-lead endpoint, per form: a browser may read the answer to
 * its post (and send a JSON post at all) only from an origin the form allows. Preflight
 * requests are answered here, before Spring Security and Spring MVC, which know no
 * per-form origins: 204 with the {@code Access-Control-*} headers for an allowed origin,
 * 403 for any other (or an unknown form). A post from an allowed origin gets
 * {@code Access-Control-Allow-Origin}; one from another origin is refused by
 * {@link dev.bellwether.marketing.WebLeadIntake}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WebLeadCors extends OncePerRequestFilter {

	private static final Pattern FORM_PATH = Pattern.compile("/w2l/([A-Za-z0-9_-]{1,64})");

	private final WebLeadForms forms;

	WebLeadCors(WebLeadForms forms) {
		this.forms = forms;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !FORM_PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = FORM_PATH.matcher(path(request));
		matcher.matches();
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		boolean allowed = origin != null && this.forms.acceptsBrowserPostsFrom(matcher.group(1), origin);
		if (allowed) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		if (!"OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (!allowed) {
			ProblemResponses.write(request, response, 403, "Forbidden",
					"This form does not take posts from this origin (or there is no such form).");
			return;
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
