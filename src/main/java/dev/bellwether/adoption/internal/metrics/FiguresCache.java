package dev.bellwether.adoption.internal.metrics;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Adoption figures shared by every request for a while: the daily roll-ups they are
 * computed from change once a minute at most, and at company scale a figure takes seconds
 * to compute, so a dashboard that recomputed them on every view would be slow for
 * everyone.
 * <p>
 * A figure is computed on first use, in the asking thread (concurrent requests for the
 * same figure wait for that one computation; a figure's computation may ask for other
 * figures, the cascade for the per-user figures), then served from memory. Once older
 * than half of {@code bellwether.adoption.figures.max-age} (1 minute by default) it is
 * still served, and computed again in the background, one figure at a time, so that
 * nobody waits for a recomputation; but a figure is never served older than the max age:
 * one the background has not recomputed by then (a queue of refreshes after a bulk load)
 * is computed again in the asking thread. A figure nobody asked for in an hour is
 * dropped. Each figure carries when it was computed, which the pages show. A max age of
 * zero turns the cache off: every call computes.
 */
@Component
public class FiguresCache implements DisposableBean {

	/**
	 * How much is kept, in rows (a person's figures, a deal owner's, a week): about 75 MB
	 * at most. A company-wide figure of 5,000 people weighs 5,000, so an executive
	 * looking through many past days pushes out the figures least used.
	 */
	private static final long MAXIMUM_ROWS = 500_000;

	private static final Duration UNUSED = Duration.ofHours(1);

	private final LoadingCache<Key, Computed<?>> cache;

	/** Figures being computed for a first time, for whoever asks meanwhile. */
	private final ConcurrentHashMap<Key, CompletableFuture<Computed<?>>> computing = new ConcurrentHashMap<>();

	private final ExecutorService refresher;

	private final Clock clock;

	@Autowired
	FiguresCache(@Value("${bellwether.adoption.figures.max-age:1m}") Duration maxAge, Clock clock) {
		this(maxAge, Ticker.systemTicker(), clock);
	}

	FiguresCache(Duration maxAge, Ticker ticker, Clock clock) {
		this.clock = clock;
		if (maxAge.isNegative() || maxAge.isZero()) {
			this.cache = null;
			this.refresher = null;
			return;
		}
		this.refresher = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "adoption-figures");
			thread.setDaemon(true);
			return thread;
		});
		this.cache = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(this.refresher)
			.maximumWeight(MAXIMUM_ROWS)
			.weigher((Key key, Computed<?> figure) -> rows(figure.value()))
			.refreshAfterWrite(maxAge.dividedBy(2).isZero() ? maxAge : maxAge.dividedBy(2))
			.expireAfterWrite(maxAge)
			.expireAfterAccess(UNUSED.compareTo(maxAge) > 0 ? UNUSED : maxAge)
			.build(key -> key.compute(clock));
	}

	/**
	 * @param identity what the figure is (its name and every argument it depends on)
	 * @param compute computes it; used again for the background refresh
	 * @return the figure, and when it was computed
	 */
	@SuppressWarnings("unchecked")
	public <T> Computed<T> get(List<Object> identity, Supplier<T> compute) {
		Key key = new Key(identity, compute);
		if (this.cache == null) {
			return (Computed<T>) key.compute(this.clock);
		}
		// kept: served, and refreshed in the background when old
		Computed<?> kept = this.cache.getIfPresent(key);
		if (kept != null) {
			return (Computed<T>) kept;
		}
		// a first time: computed here, outside the cache's own locks, since a figure's
		// computation may ask for other figures (the cascade for the per-user figures)
		CompletableFuture<Computed<?>> mine = new CompletableFuture<>();
		CompletableFuture<Computed<?>> other = this.computing.putIfAbsent(key, mine);
		if (other != null) {
			return (Computed<T>) waitFor(other);
		}
		try {
			Computed<?> computed = key.compute(this.clock);
			this.cache.put(key, computed);
			mine.complete(computed);
			return (Computed<T>) computed;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.computing.remove(key, mine);
		}
	}

	private static Computed<?> waitFor(CompletableFuture<Computed<?>> computation) {
		try {
			return computation.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Drops every figure: the next request for each computes it again.
	 */
	public void clear() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	@Override
	public void destroy() {
		if (this.refresher != null) {
			this.refresher.shutdownNow();
		}
	}

	/**
	 * @return 1, plus the size of every collection or map the figure is or holds (one
	 * level of record components down; figures carried with their inputs' computation
	 * time are weighed as the figures)
	 */
	static int rows(Object value) {
		if (value instanceof dev.bellwether.adoption.Computed<?> computed) {
			return rows(computed.figures());
		}
		long rows = 1 + size(value);
		if (value != null && value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				try {
					rows += size(component.getAccessor().invoke(value));
				}
				catch (ReflectiveOperationException ex) {
					// not weighed
				}
			}
		}
		return (int) Math.min(Integer.MAX_VALUE, rows);
	}

	private static long size(Object value) {
		if (value instanceof Collection<?> collection) {
			return collection.size();
		}
		return (value instanceof Map<?, ?> map) ? map.size() : 0;
	}

	/**
	 * A figure and when it was computed.
	 */
	public record Computed<T>(T value, Instant at) {

	}

	/**
	 * Equal when the identities are: the computation rides along for the loader.
	 */
	private record Key(List<Object> identity, Supplier<?> supplier) {

		/**
		 * @return the figure, with the moment its computation started (what it shows is
		 * as of then)
		 */
		Computed<?> compute(Clock clock) {
			Instant at = clock.instant();
			return new Computed<>(this.supplier.get(), at);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && this.identity.equals(key.identity);
		}

		@Override
		public int hashCode() {
			return Objects.hashCode(this.identity);
		}

	}

}
