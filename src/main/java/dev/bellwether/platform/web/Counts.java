package dev.bellwether.platform.web;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A number of things in words, singular or plural as the number needs ("1 deal", "5
 * deals", "1 person", "12 people"): {@code ${@counts.of(n, 'deal', 'deals')}} in
 * templates, {@link #of(long, String, String)} in messages composed in Java.
 */
@Component("counts")
public class Counts {

	/**
	 * @return e.g. "1 deal", "0 deals", "1,250 deals"
	 */
	public static String of(long count, String one, String many) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count) + " " + (count == 1 ? one : many);
	}

	/**
	 * The same, for templates (a bean's method rather than a static one).
	 */
	public String count(long count, String one, String many) {
		return of(count, one, many);
	}

}
