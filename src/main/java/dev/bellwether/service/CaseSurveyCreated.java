package dev.bellwether.service;

import java.util.UUID;

/**
 * A survey was written for a resolved case; it is e-mailed once the resolution commits.
 */
public record CaseSurveyCreated(UUID surveyId, UUID caseId) {

}
