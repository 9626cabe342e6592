package dev.bellwether.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.identity.Viewer;
import dev.bellwether.identity.internal.BellwetherPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared page layout needs on every page: who is signed in and where they are.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

	private final boolean demoEnabled;

	LayoutAttributes(@Value("${bellwether.demo.enabled:true}") boolean demoEnabled) {
		this.demoEnabled = demoEnabled;
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof BellwetherPrincipal principal) {
			return principal.toViewer();
		}
		return null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("demoEnabled")
	boolean demoEnabled() {
		return this.demoEnabled;
	}

}
