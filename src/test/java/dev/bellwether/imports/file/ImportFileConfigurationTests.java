package dev.bellwether.imports.file;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ImportFileConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ImportFileConfiguration.class);

	@Test
	void limitsDefaultTo200MegabytesAndOneGigabyteUnpacked() {
		this.context.run((context) -> {
			ImportFileLimits limits = context.getBean(ImportFileLimits.class);
			assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
			assertThat(limits.maxUncompressedSize()).isEqualTo(DataSize.ofGigabytes(1));
			assertThat(context).hasSingleBean(ImportFileReader.class);
		});
	}

	@Test
	void limitsAreSetByTheImportsProperties() {
		this.context
			.withPropertyValues("bellwether.imports.max-file-size=5MB", "bellwether.imports.max-uncompressed-size=50MB")
			.run((context) -> {
				ImportFileLimits limits = context.getBean(ImportFileLimits.class);
				assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
				assertThat(limits.maxUncompressedSize()).isEqualTo(DataSize.ofMegabytes(50));
			});
	}

}
