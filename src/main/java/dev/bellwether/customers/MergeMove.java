package dev.bellwether.customers;

import java.util.UUID;

/**
 * One record a merge moved from the loser to the survivor.
 *
 * @param recordType the moved record's type ({@code contact}, {@code opportunity},
 * {@code activity} …)
 * @param recordId its id
 * @param field the field that pointed at the loser and now points at the survivor
 * ({@code accountId}, {@code primaryContactId} …)
 * @param versionAfter the record's version after the move: a record at another version
 * when the merge is undone has been changed since, and is left as it is
 */
public record MergeMove(String recordType, UUID recordId, String field, long versionAfter) {

}
