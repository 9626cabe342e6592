package dev.bellwether.adoption;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bellwether.platform.InvalidInputException;

/**
 * How much each component counts in the adoption score (docs/adoption-metrics.md,
 * "Adoption score"). Whole numbers from 0 to 100; only their proportions matter.
 */
public record ScoreWeights(int activity, int breadth, int freshness, int timeliness, int reporting) {

	public static final ScoreWeights DEFAULTS = new ScoreWeights(40, 20, 20, 10, 10);

	public ScoreWeights {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "activity", activity);
		check(errors, "breadth", breadth);
		check(errors, "freshness", freshness);
		check(errors, "timeliness", timeliness);
		check(errors, "reporting", reporting);
		if (errors.isEmpty() && activity + breadth + freshness + timeliness + reporting == 0) {
			errors.put("activity", "Give at least one component a weight above 0.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	public Map<String, Integer> asMap() {
		Map<String, Integer> map = new LinkedHashMap<>();
		map.put("activity", this.activity);
		map.put("breadth", this.breadth);
		map.put("freshness", this.freshness);
		map.put("timeliness", this.timeliness);
		map.put("reporting", this.reporting);
		return map;
	}

	private static void check(Map<String, String> errors, String field, int weight) {
		if (weight < 0 || weight > 100) {
			errors.put(field, "Use a weight from 0 to 100.");
		}
	}

}
