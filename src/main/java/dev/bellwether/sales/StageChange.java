package dev.bellwether.sales;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.bellwether.platform.FieldChange;

/**
 * One row of a deal's stage history: its stage, amount, close date, probability and
 * forecast category before (all {@code null} at creation) and after a save that changed
 * any of them.
 */
public record StageChange(UUID id, UUID opportunityId, Instant changedAt, UUID changedBy, UUID fromStageId,
		String fromStageName, UUID toStageId, String toStageName, BigDecimal fromAmount, BigDecimal toAmount,
		LocalDate fromCloseDate, LocalDate toCloseDate, Integer fromProbability, int toProbability,
		ForecastCategory fromForecastCategory, ForecastCategory toForecastCategory) {

	public boolean isCreation() {
		return this.fromStageId == null;
	}

	public boolean stageChanged() {
		return !isCreation() && !this.fromStageId.equals(this.toStageId);
	}

	public boolean amountChanged() {
		return !isCreation() && !sameAmount(this.fromAmount, this.toAmount);
	}

	public boolean closeDateChanged() {
		return !isCreation() && !Objects.equals(this.fromCloseDate, this.toCloseDate);
	}

	/**
	 * @return whether the close date moved later (a push)
	 */
	public boolean pushed() {
		return closeDateChanged() && this.fromCloseDate != null && this.toCloseDate.isAfter(this.fromCloseDate);
	}

	public boolean probabilityChanged() {
		return !isCreation() && !Objects.equals(this.fromProbability, this.toProbability);
	}

	public boolean forecastCategoryChanged() {
		return !isCreation() && this.fromForecastCategory != this.toForecastCategory;
	}

	/**
	 * @return e.g. "Stage Proposal → Negotiation · amount 40,000 → 45,000 · close date
	 * pushed 2026-11-30 → 2026-12-15"
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (isCreation()) {
			parts.add("Created in " + this.toStageName);
			if (this.toAmount != null) {
				parts.add("amount " + money(this.toAmount));
			}
			parts.add("close date " + this.toCloseDate);
			parts.add(this.toProbability + "% " + this.toForecastCategory.label());
			return String.join(" · ", parts);
		}
		if (stageChanged()) {
			parts.add("Stage " + this.fromStageName + " → " + this.toStageName);
		}
		if (amountChanged()) {
			parts.add("amount " + money(this.fromAmount) + " → " + money(this.toAmount));
		}
		if (closeDateChanged()) {
			parts.add("close date " + (pushed() ? "pushed " : "pulled in ") + this.fromCloseDate + " → "
					+ this.toCloseDate);
		}
		if (probabilityChanged()) {
			parts.add("probability " + this.fromProbability + "% → " + this.toProbability + "%");
		}
		if (forecastCategoryChanged()) {
			parts.add("forecast " + label(this.fromForecastCategory) + " → " + label(this.toForecastCategory));
		}
		String text = String.join(" · ", parts);
		return text.isEmpty() ? "No change" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * @return the changed values as field changes (all of them at creation)
	 */
	public List<FieldChange> changes() {
		FieldChange.Diff diff = new FieldChange.Diff();
		diff.compare("stage", this.fromStageName, this.toStageName)
			.compare("amount", this.fromAmount, this.toAmount)
			.compare("closeDate", this.fromCloseDate, this.toCloseDate)
			.compare("probability", this.fromProbability, this.toProbability)
			.compare("forecastCategory", this.fromForecastCategory, this.toForecastCategory);
		return diff.changes();
	}

	static boolean sameAmount(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String label(ForecastCategory category) {
		return category == null ? "none" : category.label();
	}

	static String money(BigDecimal amount) {
		if (amount == null) {
			return "none";
		}
		return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
	}

}
