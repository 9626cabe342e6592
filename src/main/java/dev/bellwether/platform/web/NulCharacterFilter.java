package dev.bellwether.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, at the door, text holding the NUL character (0x00) — in the path, a query or
 * form parameter, or a JSON body (raw or as {@code \u0000}) — with a 400: PostgreSQL
 * refuses to store or compare it, so it would otherwise fail deep inside as a 500. API
 * requests get a problem document, pages the error page with the same message. Runs
 * before sign-in, whose username is text too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacterFilter extends OncePerRequestFilter {

	static final String MESSAGE = "Text can't contain the NUL character (0x00)";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String where = whereInPathOrParameters(request);
		if (where != null) {
			refuse(request, response, where);
			return;
		}
		if (isJson(request)) {
			byte[] body = request.getInputStream().readAllBytes();
			if (hasNul(body)) {
				refuse(request, response, "the request body");
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String whereInPathOrParameters(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri.indexOf('\0') >= 0 || uri.contains("%00")) {
			return "the address";
		}
		String query = request.getQueryString();
		if (query != null && (query.indexOf('\0') >= 0 || query.contains("%00"))) {
			return "the address";
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return "a field's name";
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return "the field '" + parameter.getKey() + "'";
				}
			}
		}
		return null;
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType mediaType = MediaType.parseMediaType(type);
			return mediaType.isCompatibleWith(MediaType.APPLICATION_JSON) || mediaType.getSubtype().endsWith("+json");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * @return whether the JSON text holds a NUL byte or the escape {@code \u0000} (and
	 * not an escaped backslash followed by "u0000", which is harmless text)
	 */
	static boolean hasNul(byte[] json) {
		for (int i = 0; i < json.length; i++) {
			if (json[i] == 0) {
				return true;
			}
			if (json[i] == '\\') {
				if (i + 5 < json.length && json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0'
						&& json[i + 4] == '0' && json[i + 5] == '0') {
					return true;
				}
				// skip what the backslash escapes, so "\\u0000" is not taken for an
				// escape
				i++;
			}
		}
		return false;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String where)
			throws IOException {
		String detail = MESSAGE + ": remove it from " + where + " and try again.";
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemResponses.write(request, response, 400, "Invalid input", detail);
		}
		else {
			request.setAttribute(ErrorResponses.DETAIL_ATTRIBUTE, detail);
			response.sendError(400);
		}
	}

	/**
	 * The request with its body read once, for the checks, and served again to the
	 * controller.
	 */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null || encoding.isBlank() ? StandardCharsets.UTF_8
					: Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
