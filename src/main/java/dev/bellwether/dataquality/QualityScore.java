package dev.bellwether.dataquality;

/**
 * Completeness of a set of records: the mean of their scores.
 *
 * @param records how many records were scored
 * @param scoreSum the sum of their scores (each from 0 to 1)
 * @param complete how many scored 1 (every counted field filled)
 */
public record QualityScore(long records, double scoreSum, long complete) {

	public static final QualityScore NONE = new QualityScore(0, 0, 0);

	/**
	 * @return the mean record score, from 0 to 1; {@code null} without records
	 */
	public Double mean() {
		return this.records == 0 ? null : this.scoreSum / this.records;
	}

	/**
	 * @return the mean in per cent, rounded to one decimal; {@code null} without records
	 */
	public Double percent() {
		Double mean = mean();
		return mean == null ? null : Math.round(mean * 1000) / 10.0;
	}

	public QualityScore plus(QualityScore other) {
		return new QualityScore(this.records + other.records, this.scoreSum + other.scoreSum,
				this.complete + other.complete);
	}

}
