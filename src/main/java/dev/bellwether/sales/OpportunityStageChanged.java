package dev.bellwether.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * A deal entered a stage: at creation ({@code fromStageId} is {@code null}), or moved on
 * the board, the record page or through the API.
 *
 * @param outcome what the new stage means: still open, won or lost
 */
public record OpportunityStageChanged(UUID opportunityId, UUID ownerId, UUID fromStageId, UUID toStageId,
		StageOutcome outcome, UUID actorId, Instant at) {

}
