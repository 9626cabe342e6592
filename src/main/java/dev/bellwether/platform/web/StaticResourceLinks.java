package dev.bellwether.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links that templates build to static resources are rewritten by the resource chain as
 * Spring Boot sets it up (a webjar's path gets its version); links to pages are left
 * alone without asking it. Spring's {@link ResourceUrlEncodingFilter} looks every link up
 * among the static resources, and a link to a page ({@code /opportunities?owner=...})
 * matches the {@code /**} resource mapping, is searched for on the class path in every
 * static location, is never found and never cached: a manager's home page, with a hundred
 * such links, spent most of its time there (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

	/**
	 * Where static resources are served from: the webjars, and the folders of
	 * {@code src/main/resources/static} (also public in {@code SecurityConfiguration}).
	 */
	static final List<String> STATIC_PATHS = List.of("/webjars/", "/css/", "/js/", "/img/");

	/**
	 * Registered in place of Spring Boot's {@code resourceUrlEncodingFilter}, for the
	 * same dispatches.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceLinksFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticResourceLinksFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * @param url a link as a template builds it, starting with the context path
	 * @return whether the link is to a static resource
	 */
	static boolean isStaticResource(String url, String contextPath) {
		if (!url.startsWith(contextPath)) {
			return false;
		}
		return STATIC_PATHS.stream().anyMatch(path -> url.startsWith(path, contextPath.length()));
	}

	/**
	 * {@link ResourceUrlEncodingFilter} for links to static resources only.
	 */
	static class StaticResourceLinksFilter extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String contextPath = ((HttpServletRequest) request).getContextPath();
			super.doFilter(request, response,
					(wrappedRequest, resourceLinks) -> chain.doFilter(wrappedRequest, new StaticResourceLinksOnly(
							(HttpServletResponse) resourceLinks, (HttpServletResponse) response, contextPath)));
		}

	}

	/**
	 * Encodes links to static resources through the resource chain, other links as the
	 * response beneath it does.
	 */
	private static final class StaticResourceLinksOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse plain;

		private final String contextPath;

		StaticResourceLinksOnly(HttpServletResponse resourceLinks, HttpServletResponse plain, String contextPath) {
			super(resourceLinks);
			this.plain = plain;
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return isStaticResource(url, this.contextPath) ? super.encodeURL(url) : this.plain.encodeURL(url);
		}

	}

}
