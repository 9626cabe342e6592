package dev.bellwether.imports.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much an uploaded file may hold.
 *
 * @param maxFileSize the largest file accepted, as uploaded (default 200 MB)
 * @param maxUncompressedSize the most an XLSX file may unpack to, all its parts together
 * (default 1 GB): an XLSX file is a zip archive, and a small one can unpack to gigabytes
 * (a "zip bomb")
 */
@ConfigurationProperties("bellwether.imports")
public record ImportFileLimits(DataSize maxFileSize, DataSize maxUncompressedSize) {

	public static final ImportFileLimits DEFAULTS = new ImportFileLimits(null, null);

	public ImportFileLimits {
		if (maxFileSize == null) {
			maxFileSize = DataSize.ofMegabytes(200);
		}
		if (maxUncompressedSize == null) {
			maxUncompressedSize = DataSize.ofGigabytes(1);
		}
	}

}
