package dev.bellwether.programme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeCharter;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the current charter to whoever has neither accepted nor put it off: on every page
 * the layout renders (not on redirects, htmx fragments, API calls or the charter page
 * itself), it adds {@code charterPrompt}, which the layout shows as a panel with the
 * person's role's "what's in it for me" and an Accept button. So a person signing in for
 * the first time after a version is published sees it on their first page.
 */
class CharterPromptInterceptor implements HandlerInterceptor {

	static final String ATTRIBUTE = "charterPrompt";

	private final ProgrammeCharter charter;

	CharterPromptInterceptor(ProgrammeCharter charter) {
		this.charter = charter;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !"GET".equals(request.getMethod()) || "true".equals(request.getHeader("HX-Request"))) {
			return;
		}
		String view = page.getViewName();
		if (view == null || view.startsWith("redirect:") || view.startsWith("forward:")) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/programme/charter") || path.startsWith("/api/")) {
			return;
		}
		Viewer.current()
			.flatMap(this.charter::promptFor)
			.ifPresent(prompt -> page.addObject(ATTRIBUTE, new Shown(prompt, path)));
	}

	/**
	 * @param returnTo the page to come back to after accepting
	 */
	record Shown(ProgrammeCharter.Prompt prompt, String returnTo) {
	}

}
