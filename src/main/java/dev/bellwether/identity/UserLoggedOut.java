package dev.bellwether.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user signed out.
 */
public record UserLoggedOut(UUID userId, Instant at) {

}
