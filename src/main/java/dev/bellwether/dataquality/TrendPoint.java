package dev.bellwether.dataquality;

import java.time.LocalDate;
import java.util.Map;

/**
 * The completeness of a scope on one measured day.
 */
public record TrendPoint(LocalDate day, QualityScore overall, Map<String, QualityScore> byType) {
}
