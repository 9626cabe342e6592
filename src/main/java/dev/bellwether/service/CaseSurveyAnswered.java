package dev.bellwether.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered a case's satisfaction survey.
 *
 * @param nps {@code null} when the customer left the recommendation question out
 */
public record CaseSurveyAnswered(UUID surveyId, UUID caseId, int csat, Integer nps, Instant at) {

}
