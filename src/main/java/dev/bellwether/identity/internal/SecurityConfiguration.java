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
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
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

	private static final String[] PUBLIC_PATHS = { "/login", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

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

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorizedProblem;
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("Bellwether").authenticationEntryPoint(unauthorized))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, denied) -> ProblemResponses.write(request, response, 403,
						"Forbidden", "Your role does not allow this.")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		RequestMatcher htmx = Htmx::isHtmx;
		// one handler per outcome: the handler is shared by all requests, so it must not
		// change its own failure URL per request
		SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
		SimpleUrlAuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler("/login?locked");
		AuthenticationFailureHandler failures = (request, response,
				exception) -> (exception instanceof LockedException ? locked : wrongPassword)
					.onAuthenticationFailure(request, response, exception);
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/admin/stages/**", "/admin/stages", "/admin/products/**", "/admin/products")
			.hasAnyRole("ADMIN", "SALES_ADMIN")
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
		String detail = exception instanceof LockedException
				? "Too many failed sign-ins: this user is locked for a while."
				: exception.getMessage() != null && exception.getMessage().startsWith("The API token")
						? exception.getMessage()
						: "Sign in with HTTP Basic or a personal access token (Authorization: Bearer ...).";
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

	private static void accessDeniedOnPage(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException denied)
			throws IOException, jakarta.servlet.ServletException {
		if (denied instanceof CsrfException && request.getUserPrincipal() == null) {
			// the session, and with it the CSRF token, expired while the page was open
			String login = request.getContextPath() + "/login?expired";
			if (Htmx.isHtmx(request)) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setHeader("HX-Redirect", login);
			}
			else {
				response.sendRedirect(login);
			}
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, denied);
	}

}
