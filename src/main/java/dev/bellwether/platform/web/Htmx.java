package dev.bellwether.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * htmx request headers: one URL serves a whole page, or just the fragment htmx asked for.
 */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/**
	 * @return whether this is an htmx request that targets the element with the given id
	 * (a boosted navigation or a request for another part of the page gets the whole
	 * page)
	 */
	public static boolean targets(HttpServletRequest request, String elementId) {
		return isHtmx(request) && !"true".equals(request.getHeader("HX-Boosted"))
				&& elementId.equals(request.getHeader("HX-Target"));
	}

}
