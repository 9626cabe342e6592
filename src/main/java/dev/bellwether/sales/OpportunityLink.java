package dev.bellwether.sales;

import java.util.UUID;

/**
 * An opportunity as the records that hang off it see it (an activity logged on a deal):
 * enough to name it, to check who may see it through {@link OpportunityAccess}, and to
 * file the record under the deal's account.
 */
public record OpportunityLink(UUID id, String name, UUID accountId, UUID ownerId) {

}
