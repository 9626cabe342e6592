package dev.bellwether.service;

import java.util.UUID;

/**
 * One agent's, team's, product's or account's satisfaction.
 *
 * @param id the agent, product or account; {@code null} for a team and for "no agent" and
 * the like
 */
public record SatisfactionRow(UUID id, String name, SatisfactionFigures figures) {

}
