package dev.bellwether.sales.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Moves a deal to a stage: the version read (409 when stale) and, for a lost stage, why.
 */
record StageMoveRequest(@Schema(requiredMode = REQUIRED, description = "The stage to move to") UUID stageId,
		@Schema(requiredMode = REQUIRED,
				description = "The version of the deal you read; a stale one is refused with " + "409 Conflict",
				example = "0") Long version,
		@Schema(description = "Required when the stage is a lost one", maxLength = 500,
				example = "Lost to a competitor on price") String lossReason,
		@Schema(description = "The loss reason in the customer's words: required when lossReason is \"Other\"",
				maxLength = 500, example = "Built it in-house") String lossReasonDetail) {

}
