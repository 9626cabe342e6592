package dev.bellwether.sales;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters about a product.
 */
public record ProductDetails(
		@NotBlank(message = "Enter the product code.") @Size(max = 40,
				message = "Keep the code to 40 characters.") @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._-]*$",
						message = "Use letters, digits, '.', '-' and '_' in the code.") String code,
		@NotBlank(message = "Enter the product's name.") @Size(max = 200,
				message = "Keep the name to 200 characters.") String name,
		@Size(max = 10_000, message = "Keep the description to 10,000 characters.") String description,
		@NotNull(message = "Enter the list price.") @DecimalMin(value = "0",
				message = "The list price can't be negative.") @Digits(integer = 17, fraction = 2,
						message = "The list price can have at most 17 digits and 2 decimals.") BigDecimal listPrice,
		boolean active) {

}
