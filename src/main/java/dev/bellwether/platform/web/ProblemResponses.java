package dev.bellwether.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an RFC 9457 problem document from places that run before Spring MVC (security
 * filters, request size limits), where the usual exception handlers can't help.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
					+ quote(detail) + ",\"instance\":" + quote(request.getRequestURI()) + "}");
	}

	static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
