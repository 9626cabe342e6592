package dev.bellwether.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one piece of work a fixed number of times from a fixed number of concurrent
 * clients, after a warm-up, and measures each call: p50, p95 and throughput. A call that
 * throws counts as an error (its time is not measured); the first error's message is kept
 * for the report.
 */
final class LoadDriver {

	private final int clients;

	LoadDriver(int clients) {
		this.clients = clients;
	}

	/**
	 * One call of the work; {@code i} numbers the calls, so that each can pick different
	 * parameters.
	 */
	interface Call {

		void run(int i) throws Exception;

	}

	record Measurement(double p50Millis, double p95Millis, double perSecond, int calls, int errors, String firstError) {

		static final Measurement NONE = new Measurement(Double.NaN, Double.NaN, Double.NaN, 0, 0, null);

		boolean measured() {
			return this.calls > this.errors;
		}

	}

	Measurement measure(int warmUp, int calls, Call call) {
		run(warmUp, call, -warmUp);
		return run(calls, call, 0);
	}

	private Measurement run(int calls, Call call, int offset) {
		if (calls <= 0) {
			return Measurement.NONE;
		}
		long[] nanos = new long[calls];
		Arrays.fill(nanos, -1);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(this.clients);
		long started = System.nanoTime();
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < this.clients; c++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
						long start = System.nanoTime();
						try {
							call.run(offset + i);
							nanos[i] = System.nanoTime() - start;
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							firstError.compareAndSet(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
						}
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The load driver failed", ex);
		}
		finally {
			pool.shutdownNow();
			try {
				pool.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] ok = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
		if (ok.length == 0) {
			return new Measurement(Double.NaN, Double.NaN, 0, calls, errors.get(), firstError.get());
		}
		return new Measurement(percentile(ok, 0.50), percentile(ok, 0.95), ok.length / seconds, calls, errors.get(),
				firstError.get());
	}

	/** Nearest-rank percentile, in milliseconds. */
	static double percentile(long[] sortedNanos, double p) {
		int rank = (int) Math.ceil(p * sortedNanos.length);
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
	}

}
