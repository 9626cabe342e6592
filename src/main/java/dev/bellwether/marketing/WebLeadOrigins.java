package dev.bellwether.marketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.util.StringUtils;

/**
 * The web origins a form accepts browser posts from, written as browsers send them in the
 * {@code Origin} header: {@code https://host} or {@code https://host:port}, no path.
 * Plain {@code http} is accepted for {@code localhost} and {@code 127.0.0.1} only, to try
 * a form out on one's own machine; {@code null} (a sandboxed frame, a file) is never an
 * origin a form allows.
 */
final class WebLeadOrigins {

	private WebLeadOrigins() {
	}

	/**
	 * @return the origin in the form forms store and compare it (lower case, no default
	 * port, no trailing slash), or nothing when it is not an origin a form may allow
	 */
	static Optional<String> normalise(String text) {
		if (!StringUtils.hasText(text)) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		if (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = (uri.getHost() == null) ? null : uri.getHost().toLowerCase(Locale.ROOT);
		if (host == null || uri.getRawUserInfo() != null || StringUtils.hasLength(uri.getRawPath())
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return Optional.empty();
		}
		boolean local = host.equals("localhost") || host.equals("127.0.0.1");
		if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
			return Optional.empty();
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
				|| (scheme.equals("http") && port == 80);
		return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
	}

}
