package dev.bellwether.marketing;

/**
 * What a visitor sent through a web-to-lead form, as text, under the field names of the
 * snippet ({@code first_name}, {@code last_name}, …).
 *
 * @param consent whether the consent box was ticked
 * @param honeypot the field people never see (nor fill in); anything in it marks a bot
 * @param pageUrl the page the form was on, when the page sends it
 */
public record WebLeadPost(String firstName, String lastName, String company, String title, String email, String phone,
		String country, String message, boolean consent, String honeypot, String pageUrl) {

	/** The snippet's name of the honeypot field. */
	public static final String HONEYPOT_FIELD = "website";

}
