package dev.bellwether.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.ProblemResponses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.net.URI;
import java.util.Map;

/**
 * Two doors. The API ({@code /api/**}) is stateless: HTTP Basic or a personal access
 * token on every call, no session, hence no CSRF, and errors as problem documents. The
 * pages use form sign-in with a session stored in the database, CSRF protection on every
 * form and htmx request, and send htmx requests whose session has expired to the sign-in
 * page as a whole-page redirect.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	/**
	 * What the pages' door lets in without signing in: the sign-in page and what it is
	 * drawn with. Health and info are open on the operations door (see
	 * {@link #operationsSecurity}); everything else, Swagger UI included, needs a
	 * session.
	 */
	private static final String[] PUBLIC_PATHS = { "/login", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/error" };

	static final String FORM_EXPIRED = "The form expired, please try again.";

	/**
	 * Argon2id for new passwords; the delegating encoder keeps older hashes working
	 * should the algorithm ever change.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * The public web-to-lead door ({@code /w2l/**}): forms on customers' web sites post
	 * here without signing in and without a CSRF token (no cookie signs these requests
	 * in, so there is nothing to forge). Each form protects itself instead: its key, its
	 * allowed origins, a honeypot, a rate limit per address and a size limit (see the
	 * marketing module's web-to-lead). No session is created here.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain webToLeadSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/w2l/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(management -> management.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * The public survey door ({@code /survey/**}): a customer answers a resolved case's
	 * satisfaction survey from the link in an e-mail, without signing in. The signed,
	 * single-use link is the only credential (no cookie signs these requests in, so there
	 * is no CSRF to guard against); the service module checks it. No session is created.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain surveySecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/survey/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(management -> management.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
						+ "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**").authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
		return signedInAsApiClients(http, tokens, SessionCreationPolicy.STATELESS).build();
	}

	/**
	 * The operations door: health probes and info for anyone (load balancers,
	 * orchestrators); metrics for administrators, or for anyone when
	 * {@code bellwether.security.public-metrics} opens them to a scraper; the OpenAPI
	 * document for anyone signed in, by session (Swagger UI) or as the API signs in (a
	 * client generator). No session is created here.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain operationsSecurity(HttpSecurity http, ApiTokens tokens, SecurityProperties properties)
			throws Exception {
		http.securityMatcher("/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
				if (properties.publicMetrics()) {
					requests.requestMatchers("/actuator/prometheus").permitAll();
				}
				requests.requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN");
				requests.anyRequest().authenticated();
			});
		return signedInAsApiClients(http, tokens, SessionCreationPolicy.NEVER).build();
	}

	/**
	 * HTTP Basic or a personal access token, no CSRF (no cookie signs these requests in),
	 * and every refusal as a problem document.
	 */
	private static HttpSecurity signedInAsApiClients(HttpSecurity http, ApiTokens tokens,
			SessionCreationPolicy sessions) throws Exception {
		AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorizedProblem;
		return http.httpBasic(basic -> basic.realmName("Bellwether").authenticationEntryPoint(unauthorized))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
			.sessionManagement(management -> management.sessionCreationPolicy(sessions))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, denied) -> ProblemResponses.write(request, response, 403,
						"Forbidden", "Your role does not allow this.")));
	}

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		RequestMatcher htmx = Htmx::isHtmx;
		// one answer for every failure (wrong password, unknown user, locked, throttled):
		// a different one would tell which usernames exist
		AuthenticationFailureHandler failures = new SimpleUrlAuthenticationFailureHandler("/login?error");
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/admin/stages/**", "/admin/stages", "/admin/products/**", "/admin/products",
					"/admin/pick-lists/**", "/admin/pick-lists")
			.hasAnyRole("ADMIN", "SALES_ADMIN")
			.requestMatchers("/admin/custom-fields/**", "/admin/custom-fields")
			.hasAnyRole("ADMIN", "SALES_ADMIN")
			// service reads the SLA policies; SlaPolicies checks who changes them
			.requestMatchers("/admin/sla-policies", "/admin/sla-policies/**")
			.hasAnyRole("ADMIN", "EXECUTIVE", "SERVICE", "MANAGER")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::redirectHtmxToLogin, htmx)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.accessDeniedHandler(SecurityConfiguration::accessDeniedOnPage))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
							+ "frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	private static void unauthorizedProblem(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.addHeader("WWW-Authenticate", "Basic realm=\"Bellwether\"");
		response.addHeader("WWW-Authenticate", "Bearer");
		// the same answer for a wrong password, an unknown user and a refused (locked,
		// throttled) sign-in
		String detail = exception.getMessage() != null && exception.getMessage().startsWith("The API token")
				? exception.getMessage()
				: "Sign in with HTTP Basic or a personal access token (Authorization: Bearer ...). "
						+ "After too many failed sign-ins, wait a few minutes.";
		ProblemResponses.write(request, response, 401, "Unauthorized", detail);
	}

	/**
	 * htmx would follow a redirect to the sign-in page and swap that page into a
	 * fragment; a {@code HX-Redirect} makes it load the sign-in page as a whole page
	 * instead.
	 */
	private static void redirectHtmxToLogin(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
	}

	/**
	 * A refused CSRF token: without a signed-in session, the session (and its token)
	 * expired while the page was open, so the user signs in again; with one, only the
	 * form is out of date (opened before a sign-in in another tab, say), so the user goes
	 * back to the page with "the form expired" and keeps their session.
	 * <p>
	 * The security context is read from the holder: the request's own
	 * {@code getUserPrincipal()} does not know the user yet when the CSRF check runs.
	 */
	private static void accessDeniedOnPage(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException denied)
			throws IOException, jakarta.servlet.ServletException {
		if (denied instanceof CsrfException) {
			String target;
			if (isSignedIn()) {
				target = sameSiteReferer(request);
				FlashMap flash = new FlashMap();
				flash.put("flashError", FORM_EXPIRED);
				new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
			}
			else {
				target = request.getContextPath() + "/login?expired";
			}
			if (Htmx.isHtmx(request)) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setHeader("HX-Redirect", target);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, denied);
	}

	private static boolean isSignedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * The page the form was on, when the browser says so and it is one of ours; the start
	 * page otherwise (never a redirect to another site).
	 */
	static String sameSiteReferer(HttpServletRequest request) {
		String home = request.getContextPath() + "/";
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return home;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return home;
			}
			String path = uri.getRawPath();
			if (path == null || !path.startsWith(home) || path.startsWith("//")) {
				return home;
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return home;
		}
	}

}
