package dev.bellwether.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user signed in through the sign-in page.
 */
public record UserLoggedIn(UUID userId, Instant at) {

}
