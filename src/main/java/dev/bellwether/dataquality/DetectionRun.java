package dev.bellwether.dataquality;

/**
 * What one run of the duplicate detection found.
 *
 * @param accountPairs candidate pairs of accounts found
 * @param contactPairs candidate pairs of contacts found
 * @param millis how long it took
 */
public record DetectionRun(int accountPairs, int contactPairs, long millis) {

}
