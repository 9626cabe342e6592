package dev.bellwether.customers;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about a contact; the same rules apply to forms and to the API.
 */
public record ContactDetails(@Size(max = 80, message = "Keep the first name to 80 characters.") String firstName,
		@NotBlank(message = "Enter the contact's last name.") @Size(max = 80,
				message = "Keep the last name to 80 characters.") String lastName,
		@Size(max = 120, message = "Keep the title to 120 characters.") String title,
		@Size(max = 254, message = "Keep the e-mail address to 254 characters.") @Email(
				regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "Enter an e-mail address such as name@example.com.") String email,
		@Size(max = 40, message = "Keep the phone number to 40 characters.") @Pattern(
				regexp = "^$|^[+0-9 ()./-]{3,40}$",
				message = "Enter a phone number using digits, spaces and + ( ) - . / only.") String phone,
		@Size(max = 40, message = "Keep the mobile number to 40 characters.") @Pattern(
				regexp = "^$|^[+0-9 ()./-]{3,40}$",
				message = "Enter a mobile number using digits, spaces and + ( ) - . / only.") String mobile,
		UUID accountId, @NotNull(message = "Choose an owner.") UUID ownerId) {

	static ContactDetails empty() {
		return new ContactDetails(null, null, null, null, null, null, null, null);
	}

}
