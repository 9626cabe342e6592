package dev.bellwether.adoption.internal.capture;

import java.lang.reflect.Method;

import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What a request to one handler counts as, worked out once per handler method: its
 * {@link Usage} (on the method, else on the controller), and its module — the top-level
 * package under {@code dev.bellwether} of the controller.
 *
 * @param module the handler's module; null for handlers outside the application
 * (actuator, OpenAPI, Spring's own), which are never counted
 * @param declared the handler's {@code @Usage}, or null when the defaults apply
 */
record HandlerUsage(String module, Usage declared) {

	private static final String APPLICATION_PACKAGE = "dev.bellwether.";

	static HandlerUsage of(HandlerMethod handler) {
		Method method = handler.getMethod();
		Usage usage = AnnotatedElementUtils.findMergedAnnotation(method, Usage.class);
		if (usage == null) {
			usage = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Usage.class);
		}
		return new HandlerUsage(moduleOf(handler.getBeanType()), usage);
	}

	static String moduleOf(Class<?> type) {
		String name = type.getPackageName();
		if (!name.startsWith(APPLICATION_PACKAGE)) {
			return null;
		}
		String rest = name.substring(APPLICATION_PACKAGE.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	boolean counted() {
		return this.module != null && (this.declared == null || !this.declared.ignore());
	}

	UsageKind kind() {
		return this.declared.value();
	}

	String recordType() {
		return StringUtils.hasText(this.declared.recordType()) ? this.declared.recordType() : null;
	}

	String idVariable() {
		return this.declared.idVariable();
	}

}
