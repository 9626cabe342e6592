package dev.bellwether.platform.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the domain's message (e.g. "No account with id ...") to the error page, where it
 * is meant for people; other exceptions' messages stay out of responses.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		Object detail = webRequest.getAttribute(ErrorResponses.DETAIL_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (detail != null) {
			attributes.put("detail", detail);
		}
		return attributes;
	}

}
