package dev.bellwether.adoption.internal.capture;

import java.time.Clock;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the {@link UsageInterceptor} for every page and API call; static resources,
 * the actuator and error pages are left out by path (and would be by handler anyway).
 */
class CaptureWebConfiguration implements WebMvcConfigurer {

	private final UsageRecorder recorder;

	private final Clock clock;

	CaptureWebConfiguration(UsageRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UsageInterceptor(this.recorder, this.clock))
			.excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/actuator/**",
					"/error", "/error/**");
	}

}
