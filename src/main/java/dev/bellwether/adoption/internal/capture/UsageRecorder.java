package dev.bellwether.adoption.internal.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Takes usage events from request threads and writes them in the background, so that
 * capture never slows a request noticeably or fails it.
 * <p>
 * {@link #record} only offers the event to a bounded in-memory queue: it never blocks and
 * never throws. When the queue is full the event is dropped and counted
 * ({@code bellwether.adoption.capture.dropped}, reason {@code queue-full}) and a warning
 * is logged at most once a minute. One writer thread drains the queue every
 * {@code flush-interval}, or sooner when {@code batch-size} events are waiting, and
 * writes them with {@code COPY} ({@link UsageEventWriter}). A failed write is retried
 * once, then the batch is dropped and counted (reason {@code write-failed}). On shutdown,
 * after the web server has stopped taking requests, whatever is queued is written.
 * <p>
 * What is lost, then: on a clean shutdown nothing; on a hard kill what was queued — at
 * most about one flush interval of events; under overload what did not fit the queue,
 * counted.
 */
public class UsageRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

	/** The most rows sent in one {@code COPY}. */
	static final int MAX_ROWS_PER_COPY = 10_000;

	private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final long RETRY_PAUSE_MILLIS = 200;

	private final BlockingQueue<UsageEvent> queue;

	private final UsageEventWriter writer;

	private final long flushIntervalNanos;

	private final int batchSize;

	private final Counter droppedQueueFull;

	private final Counter droppedWriteFailed;

	private final Counter written;

	private final ReentrantLock writing = new ReentrantLock();

	private final AtomicLong lastQueueWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	private final AtomicLong lastWriteWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	private volatile boolean enabled;

	private volatile boolean running;

	private volatile Thread writerThread;

	public UsageRecorder(CaptureProperties properties, UsageEventWriter writer, MeterRegistry meters) {
		this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
		this.writer = writer;
		this.flushIntervalNanos = properties.flushInterval().toNanos();
		this.batchSize = properties.batchSize();
		this.enabled = properties.enabled();
		this.droppedQueueFull = Counter.builder("bellwether.adoption.capture.dropped")
			.description("Usage events dropped: the queue was full, or writing failed twice")
			.tag("reason", "queue-full")
			.register(meters);
		this.droppedWriteFailed = Counter.builder("bellwether.adoption.capture.dropped")
			.description("Usage events dropped: the queue was full, or writing failed twice")
			.tag("reason", "write-failed")
			.register(meters);
		this.written = Counter.builder("bellwether.adoption.capture.written")
			.description("Usage events written to the database")
			.register(meters);
		Gauge.builder("bellwether.adoption.capture.queued", this.queue, BlockingQueue::size)
			.description("Usage events waiting to be written")
			.register(meters);
	}

	/**
	 * Queues an event for writing, unless capture is off. Never blocks, never throws.
	 * @return whether the event was queued (false when capture is off or the queue is
	 * full)
	 */
	public boolean record(UsageEvent event) {
		if (!this.enabled || event == null) {
			return false;
		}
		if (!this.queue.offer(event)) {
			this.droppedQueueFull.increment();
			warnAtMostOnceAMinute(this.lastQueueWarning,
					"Usage capture queue is full ({} events waiting): dropping events; {} dropped so far",
					this.queue.size(), (long) this.droppedQueueFull.count());
			return false;
		}
		Thread thread = this.writerThread;
		if (thread != null && this.queue.size() >= this.batchSize) {
			LockSupport.unpark(thread);
		}
		return true;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Switches capture on or off at run time (the benchmark measures request throughput
	 * both ways in one run). Events already queued are still written.
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Writes everything queued so far, now, in the calling thread: for tests and for the
	 * benchmark, not for application code (the writer does this on its own).
	 * @return the number of events written
	 */
	public long flush() {
		return drainAndWrite();
	}

	/**
	 * @return the number of events waiting to be written
	 */
	public int queued() {
		return this.queue.size();
	}

	private long drainAndWrite() {
		long total = 0;
		this.writing.lock();
		try {
			List<UsageEvent> batch = new ArrayList<>(Math.min(this.queue.size(), MAX_ROWS_PER_COPY));
			while (this.queue.drainTo(batch, MAX_ROWS_PER_COPY) > 0) {
				total += writeWithOneRetry(batch);
				batch.clear();
			}
		}
		finally {
			this.writing.unlock();
		}
		return total;
	}

	private long writeWithOneRetry(List<UsageEvent> batch) {
		try {
			return written(this.writer.write(batch));
		}
		catch (Exception first) {
			pause();
			try {
				return written(this.writer.write(batch));
			}
			catch (Exception second) {
				this.droppedWriteFailed.increment(batch.size());
				warnAtMostOnceAMinute(this.lastWriteWarning,
						"Could not write {} usage events (tried twice): dropped them; {} dropped so far. Cause: {}",
						batch.size(), (long) this.droppedWriteFailed.count(), second.toString());
				return 0;
			}
		}
	}

	private long written(long rows) {
		this.written.increment(rows);
		return rows;
	}

	private static void pause() {
		try {
			Thread.sleep(RETRY_PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void warnAtMostOnceAMinute(AtomicLong last, String message, Object... arguments) {
		long now = System.nanoTime();
		long previous = last.get();
		if (now - previous >= WARNING_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
			log.warn(message, arguments);
		}
	}

	private void writeUntilStopped() {
		while (this.running) {
			long deadline = System.nanoTime() + this.flushIntervalNanos;
			long left;
			while (this.running && this.queue.size() < this.batchSize && (left = deadline - System.nanoTime()) > 0) {
				LockSupport.parkNanos(this, left);
			}
			try {
				drainAndWrite();
			}
			catch (RuntimeException ex) {
				// never let the writer die: the next round tries again
				log.warn("Usage capture writer failed; carrying on", ex);
			}
		}
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::writeUntilStopped, "usage-writer");
		thread.setDaemon(true);
		this.writerThread = thread;
		thread.start();
	}

	/**
	 * Stops the writer and writes what is still queued.
	 */
	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		Thread thread = this.writerThread;
		this.writerThread = null;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		long flushed = drainAndWrite();
		if (flushed > 0) {
			log.info("Wrote {} queued usage events on shutdown", flushed);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server (whose graceful shutdown and stop run in higher phases),
	 * so that the events of the last requests are written too.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
