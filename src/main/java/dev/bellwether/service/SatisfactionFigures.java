package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Satisfaction as counted from answered surveys — one definition, used wherever CSAT and
 * NPS are shown:
 * <ul>
 * <li><b>CSAT</b> = satisfied ÷ (satisfied + dissatisfied) × 100, where satisfied is 4 or
 * 5 and dissatisfied 1 or 2 on the 1–5 question (3 is neutral and counts in neither); no
 * figure while nobody was satisfied or dissatisfied;</li>
 * <li><b>average</b> = the mean of the 1–5 answers;</li>
 * <li><b>NPS</b> = % promoters (9–10) − % detractors (0–6) of those who answered the
 * optional 0–10 question (7–8 are passives), from −100 to 100; no figure without
 * answers.</li>
 * </ul>
 * Counts add up (a team's are the sum of its agents'); the figures are computed from the
 * counts, never averaged from other figures.
 */
public record SatisfactionFigures(long answered, long csatTotal, long satisfied, long neutral, long dissatisfied,
		long npsAnswers, long promoters, long passives, long detractors) {

	public static final SatisfactionFigures NONE = new SatisfactionFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

	public SatisfactionFigures plus(SatisfactionFigures other) {
		return new SatisfactionFigures(this.answered + other.answered, this.csatTotal + other.csatTotal,
				this.satisfied + other.satisfied, this.neutral + other.neutral, this.dissatisfied + other.dissatisfied,
				this.npsAnswers + other.npsAnswers, this.promoters + other.promoters, this.passives + other.passives,
				this.detractors + other.detractors);
	}

	/** CSAT in percent, one decimal; {@code null} while nobody was satisfied or not. */
	public BigDecimal csat() {
		long judged = this.satisfied + this.dissatisfied;
		return judged == 0 ? null
				: BigDecimal.valueOf(this.satisfied * 100).divide(BigDecimal.valueOf(judged), 1, RoundingMode.HALF_UP);
	}

	/** The mean 1–5 answer, two decimals; {@code null} without answers. */
	public BigDecimal average() {
		return this.answered == 0 ? null
				: BigDecimal.valueOf(this.csatTotal).divide(BigDecimal.valueOf(this.answered), 2, RoundingMode.HALF_UP);
	}

	/** NPS, one decimal, −100 to 100; {@code null} without answers to the question. */
	public BigDecimal nps() {
		return this.npsAnswers == 0 ? null : BigDecimal.valueOf((this.promoters - this.detractors) * 100)
			.divide(BigDecimal.valueOf(this.npsAnswers), 1, RoundingMode.HALF_UP);
	}

}
