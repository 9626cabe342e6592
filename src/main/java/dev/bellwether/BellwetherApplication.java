package dev.bellwether;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Bellwether CRM: a modular monolith. Each top-level package is a module (see
 * {@code DESIGN.md}); {@code ModularityTests} verifies their boundaries in the build.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BellwetherApplication {

	public static void main(String[] args) {
		SpringApplication.run(BellwetherApplication.class, args);
	}

}
