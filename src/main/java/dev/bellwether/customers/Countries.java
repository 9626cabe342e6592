package dev.bellwether.customers;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ISO 3166 country codes and their English names.
 */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	private static final Map<String, String> NAMES = new LinkedHashMap<>();

	static {
		CODES.stream().sorted(Comparator.comparing(Countries::name)).forEach(code -> NAMES.put(code, name(code)));
	}

	private Countries() {
	}

	public static boolean isValid(String code) {
		return code != null && CODES.contains(code);
	}

	public static String name(String code) {
		return code == null ? null : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
	}

	/**
	 * @return code to name, sorted by name
	 */
	public static Map<String, String> all() {
		return NAMES;
	}

}
