package dev.bellwether.imports.file;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportFileLimits.class)
class ImportFileConfiguration {

	@Bean
	ImportFileReader importFileReader(ImportFileLimits limits) {
		return new ImportFileReader(limits);
	}

}
