package dev.bellwether.platform;

import org.springframework.util.StringUtils;

/**
 * How entered text is stored: trimmed, and blank means no value.
 */
public final class Text {

	private Text() {
	}

	public static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	public static String trim(String value) {
		return value == null ? null : value.trim();
	}

}
