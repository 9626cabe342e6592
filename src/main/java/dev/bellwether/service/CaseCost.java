package dev.bellwether.service;

/**
 * What a case has cost so far ({@link ServiceCosts#ofCase}): all its time and expenses,
 * whatever their day ({@link CostFigures} defines the figures).
 */
public record CaseCost(CostFigures figures, String currency) {

}
