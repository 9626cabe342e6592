package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.FiscalPeriod;

/**
 * What changed in a period's pipeline between two moments, as the viewer may see it.
 *
 * @param from the snapshot at the start
 * @param to the snapshot at the end, {@code null} for the live pipeline
 * @param toAt the end: the snapshot's time, or when the report was made
 * @param start the period's pipeline at the start (open deals closing in the period)
 * @param end the period's pipeline at the end
 * @param buckets every bucket, in {@link ChangeBucket} order, empty ones included
 */
public record PipelineChangeReport(PipelineSnapshots.Snapshot from, PipelineSnapshots.Snapshot to, Instant fromAt,
		Instant toAt, FiscalPeriod period, Total start, Total end, List<Bucket> buckets) {

	public record Total(long count, BigDecimal amount) {

	}

	/**
	 * @param amount the bucket's total (positive; {@link ChangeBucket#sign()} says which
	 * way it moves the pipeline); for the stage buckets, the deals' amounts at the end
	 * @param deals the deals behind it, the largest amounts first, at most the limit
	 * asked for
	 */
	public record Bucket(ChangeBucket bucket, long count, BigDecimal amount, List<ChangedDeal> deals) {

		public boolean more() {
			return this.count > this.deals.size();
		}

	}

	/**
	 * One deal behind a bucket: its state at the start and at the end (or when it closed;
	 * {@code null} when it was not open then).
	 *
	 * @param amount what it adds to or takes from the bucket
	 */
	public record ChangedDeal(UUID id, String name, UUID ownerId, BigDecimal amount, BigDecimal fromAmount,
			BigDecimal toAmount, LocalDate fromCloseDate, LocalDate toCloseDate, String fromStage, String toStage,
			DealFlags.Flags flags) {

	}

	public Bucket bucket(ChangeBucket bucket) {
		return this.buckets.stream().filter(b -> b.bucket() == bucket).findFirst().orElseThrow();
	}

	/** The owners of the deals listed, each once, for looking up their names. */
	public Set<UUID> ownerIds() {
		Set<UUID> owners = new HashSet<>();
		this.buckets.forEach(bucket -> bucket.deals().forEach(deal -> owners.add(deal.ownerId())));
		return owners;
	}

	/** Whether the end is the live pipeline rather than a snapshot. */
	public boolean live() {
		return this.to == null;
	}

}
