package dev.bellwether.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code bellwether.api.max-body-size} (file uploads:
 * {@code spring.servlet.multipart.max-request-size}; raw e-mail, {@code message/rfc822}:
 * {@code bellwether.service.mailbox.max-message-size}) with a 413 problem, whether the
 * size is declared up front or only found out while reading a chunked body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxMailBytes;

	RequestSizeLimit(@Value("${bellwether.api.max-body-size:1MB}") DataSize maxBodySize,
			@Value("${bellwether.service.mailbox.max-message-size:50MB}") DataSize maxMessageSize) {
		this.maxBytes = maxBodySize.toBytes();
		this.maxMailBytes = maxMessageSize.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// a file upload (an import) has the multipart limits instead
		// (spring.servlet.multipart.*)
		String type = request.getContentType();
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		long limit = (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("message/rfc822"))
				? this.maxMailBytes : this.maxBytes;
		if (request.getContentLengthLong() > limit) {
			tooLarge(request, response, limit);
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (Exception ex) {
			if (causedByLimit(ex) && !response.isCommitted()) {
				response.reset();
				tooLarge(request, response, limit);
				return;
			}
			throw ex;
		}
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		ProblemResponses.write(request, response, 413, "Payload too large",
				"The request body is larger than the limit of " + limit + " bytes.");
	}

	private static boolean causedByLimit(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("Request body too large");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						this.read += n;
						if (this.read > Limited.this.maxBytes) {
							throw new BodyTooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return this.stream;
		}

	}

}
