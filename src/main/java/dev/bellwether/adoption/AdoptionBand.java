package dev.bellwether.adoption;

/**
 * The band an adoption rate falls in: green from 80%, amber from 60% to under 80%, red
 * under 60%.
 */
public enum AdoptionBand {

	GREEN, AMBER, RED;

	/**
	 * @param rate a share from 0 to 1, or {@code null} when there is no one to measure
	 * @return the band, or {@code null} for no rate
	 */
	public static AdoptionBand of(Double rate) {
		if (rate == null) {
			return null;
		}
		if (rate >= 0.8) {
			return GREEN;
		}
		return rate >= 0.6 ? AMBER : RED;
	}

}
