package dev.bellwether.service.mail;

import java.util.UUID;

/**
 * A customer's e-mail opened a case: it is acknowledged once the case is saved.
 *
 * @param entryId the received message's entry in {@code case_mail_messages}
 * @param messageId its Message-ID, which the acknowledgement answers
 */
public record CaseMailReceived(UUID caseId, UUID entryId, String messageId) {

}
