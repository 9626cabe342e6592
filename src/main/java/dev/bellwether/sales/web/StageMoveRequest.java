package dev.bellwether.sales.web;

import java.util.UUID;

/**
 * Moves a deal to a stage: the version read (409 when stale) and, for a lost stage, why.
 */
record StageMoveRequest(UUID stageId, Long version, String lossReason) {

}
