package dev.bellwether.sales;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A product added to a deal.
 *
 * @param unitPrice {@code null} for the product's list price
 * @param discountPercent {@code null} for no discount
 */
public record LineItemDetails(@NotNull(message = "Choose a product.") UUID productId,
		@NotNull(message = "Enter the quantity.") @DecimalMin(value = "0.01",
				message = "The quantity must be more than 0.") @Digits(integer = 10, fraction = 2,
						message = "The quantity can have at most 10 digits and 2 decimals.") BigDecimal quantity,
		@DecimalMin(value = "0", message = "The unit price can't be negative.") @Digits(integer = 17, fraction = 2,
				message = "The unit price can have at most 17 digits and 2 decimals.") BigDecimal unitPrice,
		@DecimalMin(value = "0", message = "A discount is between 0 and 100%.") @DecimalMax(value = "100",
				message = "A discount is between 0 and 100%.") @Digits(integer = 3, fraction = 2,
						message = "A discount can have at most 2 decimals.") BigDecimal discountPercent,
		@Size(max = 255, message = "Keep the description to 255 characters.") String description) {

}
