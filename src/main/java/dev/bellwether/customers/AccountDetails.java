package dev.bellwether.customers;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about an account; the same rules apply to forms and to the API.
 */
public record AccountDetails(
		@NotBlank(message = "Enter the account's name.") @Size(max = 255,
				message = "Keep the name to 255 characters.") String name,
		@Size(max = 255, message = "Keep the website to 255 characters.") @Pattern(
				regexp = "^$|^(https?://)?[\\p{L}0-9.-]+\\.[\\p{L}]{2,}(:[0-9]{1,5})?(/.*)?$",
				message = "Enter a website such as example.com or https://www.example.com.") String website,
		@Size(max = 60, message = "Choose an industry from the list.") String industry,
		@Size(max = 40, message = "Keep the phone number to 40 characters.") @Pattern(
				regexp = "^$|^[+0-9 ()./-]{3,40}$",
				message = "Enter a phone number using digits, spaces and + ( ) - . / only.") String phone,
		@Size(max = 255, message = "Keep the street to 255 characters.") String billingStreet,
		@Size(max = 120, message = "Keep the city to 120 characters.") String billingCity,
		@Size(max = 120, message = "Keep the state or region to 120 characters.") String billingState,
		@Size(max = 20, message = "Keep the postal code to 20 characters.") String billingPostalCode,
		@Size(max = 2, message = "Choose a country from the list.") String country,
		@Min(value = 0, message = "The number of employees can't be negative.") @Max(value = 10_000_000,
				message = "That is more employees than any company has.") Integer employees,
		@DecimalMin(value = "0", message = "Annual revenue can't be negative.") @Digits(integer = 17, fraction = 2,
				message = "Annual revenue can have at most 17 digits and 2 decimals.") BigDecimal annualRevenue,
		UUID parentId, @NotNull(message = "Choose an owner.") UUID ownerId,
		@Size(max = 10_000, message = "Keep the description to 10,000 characters.") String description) {

	static AccountDetails empty() {
		return new AccountDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * @return the host of the website, without {@code www.}, for finding the account by
	 * domain
	 */
	public String domain() {
		return domainOf(this.website);
	}

	/**
	 * @return the host of a website, without {@code www.}, as an account's domain is
	 * stored; {@code null} for none
	 */
	public static String domainOf(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		String host = website.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("^https?://", "");
		int end = host.length();
		for (char stop : new char[] { '/', ':', '?', '#' }) {
			int at = host.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		host = host.substring(0, end);
		return host.startsWith("www.") ? host.substring(4) : host;
	}

}
