package dev.bellwether.platform.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * A person used a feature that no page or API handler stands for on its own (opening a
 * saved list view, which shows on the list's own page): published by the module, counted
 * by usage capture as {@code module:KIND}, which the module declares in its
 * {@link UsageKinds}.
 *
 * @param userId who
 * @param at when
 * @param kind what, as counted
 * @param module the module whose feature it is
 * @param recordType the kind of thing used (e.g. {@code list view}), if any
 * @param recordId the thing used, if one
 */
public record FeatureUsed(UUID userId, Instant at, UsageKind kind, String module, String recordType, UUID recordId) {

}
