package dev.bellwether.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import dev.bellwether.imports.file.ImportFileException;

/**
 * An upload as the import reads it for the first time: what is read is kept as the
 * import's file, a part at a time ({@link ImportStore#PART_SIZE}), so that no more than a
 * part of it is ever held in memory. Closing it leaves the upload open: {@link #finish}
 * keeps the rest (what the reader did not need) and closes it.
 */
public final class UploadedFile extends InputStream {

	private final InputStream upload;

	private final UUID importId;

	private final ImportStore store;

	private final long maxSize;

	private final byte[] buffer = new byte[ImportStore.PART_SIZE];

	private int filled;

	private int part;

	private long size;

	public UploadedFile(InputStream upload, UUID importId, ImportStore store, long maxSize) {
		this.upload = upload;
		this.importId = importId;
		this.store = store;
		this.maxSize = maxSize;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] into, int offset, int length) throws IOException {
		int n = this.upload.read(into, offset, length);
		if (n > 0) {
			keep(into, offset, n);
		}
		return n;
	}

	private void keep(byte[] bytes, int offset, int length) {
		this.size += length;
		if (this.size > this.maxSize) {
			throw new ImportFileException("The file is larger than the largest file that can be imported ("
					+ (this.maxSize >> 20) + " MB). Split it into smaller files.");
		}
		while (length > 0) {
			int n = Math.min(length, this.buffer.length - this.filled);
			System.arraycopy(bytes, offset, this.buffer, this.filled, n);
			this.filled += n;
			offset += n;
			length -= n;
			if (this.filled == this.buffer.length) {
				flush();
			}
		}
	}

	private void flush() {
		if (this.filled > 0) {
			this.store.insertPart(this.importId, this.part++, Arrays.copyOf(this.buffer, this.filled));
			this.filled = 0;
		}
	}

	/** Leaves the upload open, for {@link #finish}. */
	@Override
	public void close() {
	}

	/**
	 * Keeps what is left of the upload and closes it.
	 * @return the size of the file
	 */
	public long finish() throws IOException {
		try (this.upload) {
			byte[] rest = new byte[64 * 1024];
			while (read(rest, 0, rest.length) >= 0) {
				// kept as it is read
			}
		}
		flush();
		return this.size;
	}

}
