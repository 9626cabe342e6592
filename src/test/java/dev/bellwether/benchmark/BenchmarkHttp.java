package dev.bellwether.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP clients: API calls with a personal access token (not HTTP Basic,
 * whose deliberately slow password hash would dominate every call), pages with the
 * session cookie of a form sign-in, as a browser has.
 */
final class BenchmarkHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final Duration timeout;

	private final HttpClient api;

	BenchmarkHttp(int port, Duration timeout) {
		this.base = "http://localhost:" + port;
		this.timeout = timeout;
		this.api = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Thrown for any answer but 200; a 404 marks an endpoint not built (yet).
	 */
	static final class UnexpectedStatus extends IOException {

		final int status;

		UnexpectedStatus(String path, int status) {
			super("GET " + path + " answered " + status);
			this.status = status;
		}

		UnexpectedStatus(String request, int status, String body) {
			super(request + " answered " + status + ": " + body.substring(0, Math.min(body.length(), 300)));
			this.status = status;
		}

	}

	/**
	 * A signed-in browser: its own cookie jar.
	 */
	final class Session {

		private final HttpClient client;

		private Session(HttpClient client) {
			this.client = client;
		}

		String get(String path) throws IOException, InterruptedException {
			return send(this.client, request(path).header("Accept", "text/html").build(), path);
		}

	}

	String api(String path, String token) throws IOException, InterruptedException {
		return send(this.api,
				request(path).header("Accept", "application/json").header("Authorization", "Bearer " + token).build(),
				path);
	}

	/**
	 * An API call with HTTP Basic, as the README's curl example makes it: the password on
	 * every call (verified with Argon2 once, then remembered for a few minutes).
	 */
	String apiBasic(String path, String username, String password) throws IOException, InterruptedException {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(this.api,
				request(path).header("Accept", "application/json")
					.header("Authorization", "Basic " + credentials)
					.build(),
				path);
	}

	/**
	 * An API call with a JSON body and a personal access token.
	 * @param expected the status it must answer (otherwise {@link UnexpectedStatus})
	 * @return the answer's body
	 */
	String call(String method, String path, String token, String json, int expected)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.api.send(request(path).header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new UnexpectedStatus(method + " " + path, response.statusCode(), response.body());
		}
		return response.body();
	}

	/**
	 * Signs in through the sign-in form, with its CSRF token.
	 */
	Session signIn(String username, String password) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.timeout)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String form = send(client, request("/login").build(), "/login");
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> signedIn = client
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException(
					"Signing in as " + username + " failed: " + signedIn.statusCode() + " to " + location);
		}
		return new Session(client);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(this.timeout);
	}

	private static String send(HttpClient client, HttpRequest request, String path)
			throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new UnexpectedStatus(path, response.statusCode());
		}
		return response.body();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
