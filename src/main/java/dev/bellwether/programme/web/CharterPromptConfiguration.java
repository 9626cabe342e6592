package dev.bellwether.programme.web;

import dev.bellwether.programme.ProgrammeCharter;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link CharterPromptInterceptor} for every page.
 */
@Configuration(proxyBeanMethods = false)
class CharterPromptConfiguration implements WebMvcConfigurer {

	private final ProgrammeCharter charter;

	CharterPromptConfiguration(ProgrammeCharter charter) {
		this.charter = charter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CharterPromptInterceptor(this.charter)).excludePathPatterns("/api/**");
	}

}
