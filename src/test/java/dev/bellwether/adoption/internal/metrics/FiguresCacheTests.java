package dev.bellwether.adoption.internal.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The shared adoption figures: computed once, served while fresh, served and recomputed
 * in the background once old, on a clock the test moves.
 */
class FiguresCacheTests {

	private final AtomicLong nanos = new AtomicLong(1);

	private final Clock clock = Clock.fixed(Instant.parse("2026-06-17T10:00:00Z"), ZoneOffset.UTC);

	private final FiguresCache cache = new FiguresCache(Duration.ofMinutes(1), this.nanos::get, this.clock);

	private final AtomicInteger computations = new AtomicInteger();

	@AfterEach
	void close() {
		this.cache.destroy();
	}

	@Test
	void computesAFigureOnceWhileItIsFresh() {
		assertThat(figure("users", null)).isEqualTo(1);
		// fresh: younger than half of max-age, after which it is refreshed in the
		// background
		later(Duration.ofSeconds(29));
		assertThat(figure("users", null)).isEqualTo(1);
		assertThat(this.computations).hasValue(1);
	}

	@Test
	void figuresOfAnotherScopeOrDayAreComputedApart() {
		UUID someone = UUID.randomUUID();
		assertThat(figure("users", null)).isEqualTo(1);
		assertThat(figure("users", Set.of(someone))).isEqualTo(2);
		assertThat(figure("trend", Set.of(someone))).isEqualTo(3);
		// the same scope built again is the same figure
		assertThat(figure("users", Set.copyOf(List.of(someone)))).isEqualTo(2);
		assertThat(this.computations).hasValue(3);
	}

	@Test
	void anOldFigureIsServedWhileTheNewOneIsComputedInTheBackground() {
		CountDownLatch release = new CountDownLatch(1);
		Supplier<Integer> slowAfterTheFirst = () -> {
			if (this.computations.get() > 0) {
				waitFor(release);
			}
			return this.computations.incrementAndGet();
		};
		assertThat(this.cache.get(List.of("users"), slowAfterTheFirst).value()).isEqualTo(1);
		later(Duration.ofSeconds(31));
		// the request that finds it past half the max age does not wait for the new one:
		// it gets the kept figure, and so does everyone until the new one is there
		assertThat(this.cache.get(List.of("users"), slowAfterTheFirst).value()).isEqualTo(1);
		assertThat(this.cache.get(List.of("users"), slowAfterTheFirst).value()).isEqualTo(1);
		release.countDown();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.cache.get(List.of("users"), slowAfterTheFirst).value() == 2);
		assertThat(this.computations).hasValue(2);
	}

	@Test
	void aFigureIsNeverServedOlderThanTheMaxAgeEvenWhileItsRefreshIsQueued() {
		CountDownLatch release = new CountDownLatch(1);
		Supplier<Integer> stuckAfterTheFirst = () -> {
			if (this.computations.get() > 0) {
				waitFor(release);
			}
			return this.computations.incrementAndGet();
		};
		try {
			assertThat(this.cache.get(List.of("users"), stuckAfterTheFirst).value()).isEqualTo(1);
			later(Duration.ofSeconds(31));
			// the background refresh starts and is stuck (a queue after a bulk load)
			assertThat(this.cache.get(List.of("users"), stuckAfterTheFirst).value()).isEqualTo(1);
			later(Duration.ofSeconds(30));
			// 61 s old: past the max age, so computed again for the one who asks
			assertThat(this.cache.get(List.of("users"), () -> 100 + this.computations.incrementAndGet()).value())
				.isEqualTo(102);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void clearingComputesEveryFigureAgainOnItsNextUse() {
		figure("users", null);
		this.cache.clear();
		assertThat(figure("users", null)).isEqualTo(2);
	}

	@Test
	void concurrentRequestsForAFigureNotYetComputedWaitForOneComputation() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(clients.submit(() -> this.cache.get(List.of("slow"), () -> {
					started.countDown();
					waitFor(release);
					return this.computations.incrementAndGet();
				}).value()));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			release.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.computations).hasValue(1);
	}

	@Test
	void aFigureComputedFromAnotherAsksForItThroughTheCache() {
		for (int i = 0; i < 200; i++) {
			int n = i;
			int derived = this.cache
				.get(List.of("headline", n), () -> this.cache.get(List.of("users", n), () -> n).value() + 1)
				.value();
			assertThat(derived).isEqualTo(n + 1);
			assertThat(this.cache.get(List.of("users", n), () -> -1).value()).isEqualTo(n);
		}
	}

	@Test
	void aFailedComputationIsNotKept() {
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get(List.of("broken"), () -> {
			throw new IllegalStateException("database away");
		}));
		assertThat(this.cache.get(List.of("broken"), this.computations::incrementAndGet).value()).isEqualTo(1);
	}

	@Test
	void aMaxAgeOfZeroComputesOnEveryCall() {
		FiguresCache off = new FiguresCache(Duration.ZERO, this.nanos::get, this.clock);
		assertThat(off.get(List.of("users"), this.computations::incrementAndGet).value()).isEqualTo(1);
		assertThat(off.get(List.of("users"), this.computations::incrementAndGet).value()).isEqualTo(2);
		off.destroy();
	}

	@Test
	void saysWhenAFigureWasComputed() {
		var first = this.cache.get(List.of("users"), this.computations::incrementAndGet);
		var again = this.cache.get(List.of("users"), this.computations::incrementAndGet);
		assertThat(again.at()).isEqualTo(first.at()).isEqualTo(this.clock.instant());
	}

	@Test
	void aFigureWeighsTheRowsItHolds() {
		record Page(List<Integer> rows, java.util.Map<String, Integer> totals, String title) {
		}
		assertThat(FiguresCache.rows("a headline")).isEqualTo(1);
		assertThat(FiguresCache.rows(List.of(1, 2, 3))).isEqualTo(4);
		assertThat(FiguresCache.rows(new Page(List.of(1, 2), java.util.Map.of("a", 1), "t"))).isEqualTo(4);
	}

	private int figure(String name, Set<UUID> scope) {
		return this.cache.get(Arrays.asList(name, scope), this.computations::incrementAndGet).value();
	}

	private void later(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
