package dev.bellwether.adoption.internal.alerts;

import java.util.List;
import java.util.Locale;

import dev.bellwether.adoption.AdoptionBand;

/**
 * How figures read in alert and digest texts.
 */
final class Texts {

	private Texts() {
	}

	static String percent(Double share) {
		return share == null ? "—" : Math.round(share * 100) + "%";
	}

	static String decimal(Double value) {
		return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
	}

	static String band(AdoptionBand band) {
		return band == null ? "no band" : band.name().toLowerCase(Locale.ROOT);
	}

	static String plural(long count, String one, String many) {
		return count + " " + (count == 1 ? one : many);
	}

	/**
	 * @return the names joined with commas, at most {@code limit} of them and "and N
	 * more" for the rest
	 */
	static String names(List<String> names, int limit) {
		if (names.size() <= limit) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, limit)) + " and " + (names.size() - limit) + " more";
	}

}
