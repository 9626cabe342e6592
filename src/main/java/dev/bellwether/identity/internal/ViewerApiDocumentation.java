package dev.bellwether.identity.internal;

import dev.bellwether.identity.Viewer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;

/**
 * Keeps the {@link Viewer} parameter of controllers out of the OpenAPI document: it is
 * the signed-in user ({@link ViewerArgumentResolver}), not something a client sends, yet
 * springdoc would list it as a required query object on every operation.
 */
@Configuration(proxyBeanMethods = false)
class ViewerApiDocumentation {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

}
