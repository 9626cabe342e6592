package dev.bellwether.adoption.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.bellwether.adoption.Computed;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An adoption figure as the API answers it: the figure's own fields, and when the data
 * behind them was read. Figures are kept for up to
 * {@code bellwether.adoption.figures.max-age} (1 minute by default) and shared by every
 * request, so a client can tell how old an answer is.
 *
 * @param figures the figure, as the answer's own fields
 * @param computedAt when the usage and sales data behind the figure were read
 */
record AdoptionAnswer<T>(@JsonUnwrapped T figures, @Schema(description = "When the usage and sales data behind "
		+ "these figures were read; never older than bellwether.adoption.figures.max-age") Instant computedAt) {

	static <T> AdoptionAnswer<T> of(Computed<T> computed) {
		return new AdoptionAnswer<>(computed.figures(), computed.computedAt());
	}

}
