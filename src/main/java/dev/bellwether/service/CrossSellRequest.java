package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What an agent enters to make a deal from a case.
 *
 * @param name {@code null} or blank for the case's subject
 * @param amount required, not negative
 * @param closeDate required: the expected close date
 * @param stageId an open stage; {@code null} for the pipeline's first open stage
 * @param productId a product the customer is interested in, added as one line item at the
 * amount; or {@code null}
 * @param ownerId the sales person who will own the deal; {@code null} for the account's
 * sales owner
 */
public record CrossSellRequest(String name, BigDecimal amount, LocalDate closeDate, UUID stageId, UUID productId,
		UUID ownerId) {

}
