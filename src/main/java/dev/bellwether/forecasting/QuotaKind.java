package dev.bellwether.forecasting;

/**
 * What a quota is for: a person's own deals, or a manager's whole organisation (set only
 * when it is not simply the sum of its members' quotas).
 */
public enum QuotaKind {

	PERSONAL, TEAM

}
