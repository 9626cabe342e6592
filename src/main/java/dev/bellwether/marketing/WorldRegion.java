package dev.bellwether.marketing;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.StringUtils;

/**
 * The three world sales regions an assignment rule may name, with every ISO 3166 country
 * placed in one: the Americas, Asia and the Pacific, and the rest — Europe, the Middle
 * East, Africa and Central Asia — in EMEA (Antarctica in none).
 * <p>
 * Why not identity's regions: a user's region ({@code users.region}) is a free-text sales
 * territory (the demo company's North, South, East, West) with no countries behind it, so
 * a lead's country can't be matched to it. A rule sends a world region's leads to a
 * territory by pairing the region with round-robin within that territory's team; a
 * company that draws the lines elsewhere (Mexico with LATAM, Pakistan with EMEA) lists
 * countries on the rule instead.
 */
public enum WorldRegion {

	AMER("Americas (North, Central and South America, the Caribbean)"),
	EMEA("EMEA (Europe, the Middle East, Africa, Central Asia)"), APAC("APAC (Asia and the Pacific)");

	private static final Set<String> AMERICAS = Set.of("AI", "AG", "AR", "AW", "BS", "BB", "BZ", "BM", "BO", "BQ", "BR",
			"VG", "CA", "KY", "CL", "CO", "CR", "CU", "CW", "DM", "DO", "EC", "SV", "FK", "GF", "GL", "GD", "GP", "GT",
			"GY", "HT", "HN", "JM", "MQ", "MX", "MS", "NI", "PA", "PY", "PE", "PR", "BL", "KN", "LC", "MF", "PM", "VC",
			"SX", "SR", "TT", "TC", "US", "UM", "VI", "UY", "VE", "GS");

	private static final Set<String> ASIA_PACIFIC = Set.of("AF", "AS", "AU", "BD", "BT", "IO", "BN", "KH", "CN", "CX",
			"CC", "CK", "FJ", "PF", "GU", "HM", "HK", "IN", "ID", "JP", "KI", "KP", "KR", "LA", "MO", "MY", "MV", "MH",
			"FM", "MN", "MM", "NR", "NP", "NC", "NZ", "NU", "NF", "MP", "PK", "PW", "PG", "PH", "PN", "WS", "SG", "SB",
			"LK", "TW", "TH", "TL", "TK", "TO", "TV", "VU", "VN", "WF");

	private final String label;

	WorldRegion(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @param country an ISO 3166 code, any case
	 * @return the region the country is in; nothing for no country, an unknown code's
	 * length, or Antarctica
	 */
	public static Optional<WorldRegion> of(String country) {
		if (!StringUtils.hasText(country) || country.trim().length() != 2) {
			return Optional.empty();
		}
		String code = country.trim().toUpperCase(Locale.ROOT);
		if (AMERICAS.contains(code)) {
			return Optional.of(AMER);
		}
		if (ASIA_PACIFIC.contains(code)) {
			return Optional.of(APAC);
		}
		return code.equals("AQ") ? Optional.empty() : Optional.of(EMEA);
	}

}
